timelineSearch("t/gm",{"gmt":[4]});

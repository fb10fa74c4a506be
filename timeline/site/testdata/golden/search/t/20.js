timelineSearch("t/20",{"20":[4]});

timelineSearch("t/30",{"30":[4]});

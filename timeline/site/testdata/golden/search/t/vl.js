timelineSearch("t/vl",{"vladimir":[0,1,1,1]});

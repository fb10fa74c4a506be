timelineSearch("t/ca",{"call":[0,1,2,1]});

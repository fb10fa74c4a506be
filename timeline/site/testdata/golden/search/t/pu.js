timelineSearch("t/pu",{"putin":[0,1,1,1]});

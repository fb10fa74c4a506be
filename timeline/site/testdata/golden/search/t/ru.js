timelineSearch("t/ru",{"russia":[0,1,3],"russian":[3,1]});

timelineSearch("t/jo",{"joe":[0,1,1,1]});

timelineSearch("t/ou",{"out":[10542582]});

timelineSearch("t/ou",{"out":[3]});

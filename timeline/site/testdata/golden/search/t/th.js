timelineSearch("t/th",{"thursday":[3]});

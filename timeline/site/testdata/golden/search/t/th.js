timelineSearch("t/th",{"thursday":[10542582]});

timelineSearch("t/lo",{"looking":[10542582]});

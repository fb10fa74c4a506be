timelineSearch("t/lo",{"looking":[3]});

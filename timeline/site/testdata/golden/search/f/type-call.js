timelineSearch("f/type-call",[0,3]);

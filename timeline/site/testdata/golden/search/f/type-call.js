timelineSearch("f/type-call",[10526798,15784]);

timelineSearch("f/actor-vladimir-putin",[0,1,1,1]);

timelineSearch("f/actor-vladimir-putin",[10526798,365,14718,701]);

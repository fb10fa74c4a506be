timelineSearch("f/actor-russia",[4]);

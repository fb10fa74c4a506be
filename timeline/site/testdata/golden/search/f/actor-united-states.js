timelineSearch("f/actor-united-states",[4]);

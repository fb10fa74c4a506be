timelineSearch("f/actor-united-states",[10548919]);

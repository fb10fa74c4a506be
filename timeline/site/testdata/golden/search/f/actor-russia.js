timelineSearch("f/actor-russia",[10548919]);

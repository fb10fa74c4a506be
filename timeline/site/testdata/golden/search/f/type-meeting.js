timelineSearch("f/type-meeting",[10548919]);

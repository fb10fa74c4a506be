timelineSearch("f/type-meeting",[4]);

timelineSearch("f/type-warning",[10527163]);

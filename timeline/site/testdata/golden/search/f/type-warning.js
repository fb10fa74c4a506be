timelineSearch("f/type-warning",[1]);

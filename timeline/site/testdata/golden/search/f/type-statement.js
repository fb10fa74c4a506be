timelineSearch("f/type-statement",[2]);

timelineSearch("f/type-statement",[10541881]);

timelineSearch("t/tw",{"two":[10548919]});

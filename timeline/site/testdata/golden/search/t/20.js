timelineSearch("t/20",{"20":[10548919]});

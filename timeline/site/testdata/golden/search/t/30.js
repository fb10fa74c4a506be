timelineSearch("t/30",{"30":[10548919]});

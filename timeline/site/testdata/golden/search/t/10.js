timelineSearch("t/10",{"10":[10548919]});

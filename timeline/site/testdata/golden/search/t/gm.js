timelineSearch("t/gm",{"gmt":[10548919]});

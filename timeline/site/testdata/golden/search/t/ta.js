timelineSearch("t/ta",{"talks":[10548919]});

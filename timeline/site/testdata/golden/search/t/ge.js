timelineSearch("t/ge",{"geneva":[10548919]});

timelineSearch("t/un",{"united":[10548919]});

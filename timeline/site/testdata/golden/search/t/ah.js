timelineSearch("t/ah",{"ahead":[10548919]});

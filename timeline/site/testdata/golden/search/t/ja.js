timelineSearch("t/ja",{"january":[10548919]});

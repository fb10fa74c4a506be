timelineSearch("t/be",{"begin":[10548919],"between":[10541881,7038]});

timelineSearch("t/of",{"official":[10542582],"officials":[10548919]});

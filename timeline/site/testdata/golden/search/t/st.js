timelineSearch("t/st",{"states":[10548919],"stress":[10542582]});

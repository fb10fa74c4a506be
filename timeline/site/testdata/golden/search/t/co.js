timelineSearch("t/co",{"comes":[10548919],"consequences":[10526798,365],"conversation":[10541881],"countries":[10548919]});

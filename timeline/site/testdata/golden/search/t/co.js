timelineSearch("t/co",{"comes":[4],"consequences":[0,1],"conversation":[2],"countries":[4]});

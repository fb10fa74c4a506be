timelineSearch("t/uk",{"ukraine":[10526798,365]});

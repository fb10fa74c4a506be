timelineSearch("t/uk",{"ukraine":[0,1]});

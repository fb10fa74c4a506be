timelineSearch("t/du",{"during":[0,1]});

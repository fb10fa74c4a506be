timelineSearch("t/du",{"during":[10526798,365]});

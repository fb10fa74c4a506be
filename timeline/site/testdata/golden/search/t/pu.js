timelineSearch("t/pu",{"putin":[10526798,365,14718,701]});

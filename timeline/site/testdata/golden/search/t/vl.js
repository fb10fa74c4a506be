timelineSearch("t/vl",{"vladimir":[10526798,365,14718,701]});

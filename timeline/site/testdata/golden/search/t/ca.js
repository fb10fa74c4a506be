timelineSearch("t/ca",{"call":[10526798,365,15419,6337]});

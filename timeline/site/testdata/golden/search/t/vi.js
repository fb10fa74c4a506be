timelineSearch("t/vi",{"video":[10526798,365]});

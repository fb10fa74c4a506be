timelineSearch("t/vi",{"video":[0,1]});

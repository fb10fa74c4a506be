timelineSearch("t/in",{"invaded":[0,1]});

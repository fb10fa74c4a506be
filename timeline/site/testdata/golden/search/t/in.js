timelineSearch("t/in",{"invaded":[10526798,365]});

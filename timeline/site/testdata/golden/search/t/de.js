timelineSearch("t/de",{"december":[0,1]});

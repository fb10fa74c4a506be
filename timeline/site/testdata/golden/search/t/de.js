timelineSearch("t/de",{"december":[10526798,365]});

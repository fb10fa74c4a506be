timelineSearch("t/un",{"united":[4]});

timelineSearch("t/bi",{"biden":[0,1,1,1]});

timelineSearch("t/bi",{"biden":[10526798,365,14718,701]});

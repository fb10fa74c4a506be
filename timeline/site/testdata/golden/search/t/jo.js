timelineSearch("t/jo",{"joe":[10526798,365,14718,701]});

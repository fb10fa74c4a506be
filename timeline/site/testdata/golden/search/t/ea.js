timelineSearch("t/ea",{"early":[0,1]});

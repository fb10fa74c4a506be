timelineSearch("t/ea",{"early":[10526798,365]});

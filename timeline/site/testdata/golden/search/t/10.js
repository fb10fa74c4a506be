timelineSearch("t/10",{"10":[4]});

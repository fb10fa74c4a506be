timelineSearch("t/wh",{"white":[3]});

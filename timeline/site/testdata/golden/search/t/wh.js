timelineSearch("t/wh",{"white":[10542582]});

timelineSearch("t/sp",{"speak":[10542582]});

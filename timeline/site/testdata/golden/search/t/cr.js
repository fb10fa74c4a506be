timelineSearch("t/cr",{"crisis":[10542582]});

timelineSearch("t/cr",{"crisis":[3]});

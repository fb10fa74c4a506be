timelineSearch("t/sp",{"speak":[3]});

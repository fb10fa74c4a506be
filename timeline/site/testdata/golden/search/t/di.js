timelineSearch("t/di",{"dialogue":[2],"diplomatic":[3]});

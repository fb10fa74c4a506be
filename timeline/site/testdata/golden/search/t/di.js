timelineSearch("t/di",{"dialogue":[10541881],"diplomatic":[10542582]});

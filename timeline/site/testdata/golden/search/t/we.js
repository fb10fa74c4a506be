timelineSearch("t/we",{"we":[10541881],"wednesday":[10541881]});

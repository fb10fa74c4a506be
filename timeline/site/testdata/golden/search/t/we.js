timelineSearch("t/we",{"we":[2],"wednesday":[2]});

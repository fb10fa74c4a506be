timelineSearch("t/pr",{"president":[10542582]});

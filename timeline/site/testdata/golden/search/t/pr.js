timelineSearch("t/pr",{"president":[3]});

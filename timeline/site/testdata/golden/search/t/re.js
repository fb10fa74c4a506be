timelineSearch("t/re",{"ready":[2]});

timelineSearch("t/po",{"possible":[2]});

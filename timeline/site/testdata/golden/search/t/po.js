timelineSearch("t/po",{"possible":[10541881]});

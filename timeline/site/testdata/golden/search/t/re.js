timelineSearch("t/re",{"ready":[10541881]});

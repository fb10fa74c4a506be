timelineSearch("t/mo",{"moscow":[10541881]});

timelineSearch("t/mo",{"moscow":[2]});

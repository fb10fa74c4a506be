timelineSearch("t/ge",{"geneva":[4]});

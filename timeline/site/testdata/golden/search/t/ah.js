timelineSearch("t/ah",{"ahead":[4]});

timelineSearch("t/ta",{"talks":[4]});

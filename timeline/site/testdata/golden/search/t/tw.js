timelineSearch("t/tw",{"two":[4]});

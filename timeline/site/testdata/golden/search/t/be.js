timelineSearch("t/be",{"begin":[4],"between":[2,2]});

timelineSearch("t/of",{"official":[3],"officials":[4]});

timelineSearch("t/st",{"states":[4],"stress":[3]});

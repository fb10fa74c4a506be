timelineSearch("t/pa",{"path":[3]});

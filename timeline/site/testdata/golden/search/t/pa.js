timelineSearch("t/pa",{"path":[10542582]});

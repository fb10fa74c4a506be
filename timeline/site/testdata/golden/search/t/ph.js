timelineSearch("t/ph",{"phone":[10542582]});

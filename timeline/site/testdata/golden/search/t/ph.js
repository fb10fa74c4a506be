timelineSearch("t/ph",{"phone":[3]});

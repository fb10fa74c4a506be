timelineSearch("t/ne",{"new":[2]});

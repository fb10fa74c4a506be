timelineSearch("t/ne",{"new":[10541881]});

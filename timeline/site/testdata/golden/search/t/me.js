timelineSearch("t/me",{"message":[10541881]});

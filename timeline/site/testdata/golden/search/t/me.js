timelineSearch("t/me",{"message":[2]});

timelineSearch("t/ho",{"hold":[0,3,1],"honest":[2],"house":[3]});

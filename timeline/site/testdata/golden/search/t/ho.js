timelineSearch("t/ho",{"hold":[10526798,15784,6337],"honest":[10541881],"house":[10542582]});

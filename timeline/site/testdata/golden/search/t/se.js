timelineSearch("t/se",{"sends":[2],"severe":[0,1]});

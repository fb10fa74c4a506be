timelineSearch("t/se",{"sends":[10541881],"severe":[10526798,365]});

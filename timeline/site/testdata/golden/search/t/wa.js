timelineSearch("t/wa",{"warned":[10526798,365],"warns":[10527163],"washington":[10541881,701]});

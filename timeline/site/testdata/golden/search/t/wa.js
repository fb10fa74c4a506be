timelineSearch("t/wa",{"warned":[0,1],"warns":[1],"washington":[2,1]});

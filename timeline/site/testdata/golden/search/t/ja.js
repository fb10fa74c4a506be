timelineSearch("t/ja",{"january":[4]});

timelineSearch("t/ye",{"year":[2]});

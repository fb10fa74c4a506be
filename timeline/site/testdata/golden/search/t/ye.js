timelineSearch("t/ye",{"year":[10541881]});

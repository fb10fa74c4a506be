timelineSearch("t/ru",{"russia":[10526798,365,21756],"russian":[10542582,6337]});

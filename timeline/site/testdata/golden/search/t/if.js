timelineSearch("t/if",{"if":[10526798,365]});

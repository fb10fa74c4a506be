timelineSearch("t/if",{"if":[0,1]});

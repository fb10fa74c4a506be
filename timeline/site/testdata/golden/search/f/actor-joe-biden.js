timelineSearch("f/actor-joe-biden",[10526798,365,15419]);

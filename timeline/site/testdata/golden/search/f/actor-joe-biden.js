timelineSearch("f/actor-joe-biden",[0,1,2]);

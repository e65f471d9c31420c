a0005
this heading is not ANPA
^Text<


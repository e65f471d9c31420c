a0007-----
u a BC-Library-Boat Correction   01-24 0040
^BC-Library-Boat, Correction,40<
^Harbour town opens floating library<
^Eds: CORRECTS day of opening to Thursday, not Wednesday.<
	   PORT ALDER (AP) _ A retired car ferry opened on Thursday as a floating library.
	   AP-WF-01-24-24 1910GMT<



a0001-----
r a BC-Library-Boat    01-24 0030
^BC-Library-Boat,30<
^Harbour town opens floating library<
	   PORT ALDER (AP) _ A retired car ferry opened on Wednesday as a floating library.
	   AP-WF-01-24-24 1815GMT<



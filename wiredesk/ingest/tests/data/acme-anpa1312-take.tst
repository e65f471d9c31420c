a0008-----
r a BC-Library-Boat 2ndAdd   01-24 0030
^BC-Library-Boat, 2nd Add,30<
	   The ferry returns to port every evening.
	   AP-WF-01-24-24 1920GMT<



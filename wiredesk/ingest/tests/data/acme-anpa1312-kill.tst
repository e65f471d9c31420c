a0006-----
b a BC-Library-Boat Kill   01-24 0030
^BC-Library-Boat, KILL,30<
^KILL<
	   Editors: The story is killed. It is not to be published.
	   AP-WF-01-24-24 1905GMT<



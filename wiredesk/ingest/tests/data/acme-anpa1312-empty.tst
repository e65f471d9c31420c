a0004-----
r a BC-Library-Boat    01-24 0000
AP-WF-01-24-24 1815GMT<

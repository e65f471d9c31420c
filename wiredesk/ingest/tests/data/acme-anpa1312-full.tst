a0002-----
u l BC-Library-Boat 1stLd-Writethru   01-24 0120
^BC-Library-Boat, 1st Ld-Writethru,120<
^Harbour town opens floating library<
^AP Photo LIB101<
^Eds: Updates with quote. With AP Photos.<
^Converted ferry sails on Tuesdays<
^By MIRA OLSEN=
^Associated Press=
	   PORT ALDER, Freedonia (AP) _ A retired car ferry opened on Wednesday as a floating library.
 
	   ``Books should travel like people do,'' said librarian Tomas Reyes.
 
^Timetable=
^;Day;Island 
Tuesday;Gull Rock 
Friday;{ 
	   ___

	   AP-WF-01-24-24 1830GMT<


a0003-----
u l BC-Library-Boat 1stLd-Writethru 1stAdd   01-24 0040
^BC-Library-Boat, 1st Ld-Writethru, 1st Add,40<
	   The library lends books for a month.
	   AP-WF-01-24-24 1832GMT<



"""Sources: where agency copy comes from (HTTP feeds, drop folders, push), and polling them."""

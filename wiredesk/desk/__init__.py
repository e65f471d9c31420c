"""The desk: editors' views, the incoming wire queue, story history, health."""

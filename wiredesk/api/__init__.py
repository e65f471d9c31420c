"""The JSON API: ninjs out, wire push in, desk actions; token authentication."""

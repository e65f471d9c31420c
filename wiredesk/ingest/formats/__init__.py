"""One pure parser module per wire format; none of them imports Django or the network."""

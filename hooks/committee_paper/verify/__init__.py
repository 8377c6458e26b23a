"""committee-paper verify: the built site checked against the paper as received."""

"""The rules a paper must meet before it is built: each takes the model's plain data and returns problems."""

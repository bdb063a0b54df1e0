"""Stage 3, checking: the inheritance graph, resolution of each plan against its
parents, and the incremental engine that runs the rules and keeps the results."""

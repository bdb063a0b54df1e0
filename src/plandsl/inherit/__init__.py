"""Stage 3, inheritance: the graph of which plan implements which (cycles,
unknown parents, levels) and the resolution of each plan against its parents,
so that every objective and target knows where it came from."""

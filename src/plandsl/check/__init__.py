"""Stage 5, the check engine: runs loading, inheritance and the rules as one
incremental computation, keeps its results (in memory and in the cache), and is
the one path behind the CLI, the language server and the web workspace."""

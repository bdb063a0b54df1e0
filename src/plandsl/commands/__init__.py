"""CLI commands, one module each, imported lazily by plandsl.cli."""

"""Stage 2, loading a project: discovering spec files, parsing them (in parallel,
through the parse cache) into a SpecSet, and reading plandsl.toml."""

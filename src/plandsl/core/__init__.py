"""Shared foundations with no plandsl dependencies above them: diagnostics,
"did you mean" suggestions, atomic file writes and the location of shipped data."""

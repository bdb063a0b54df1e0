"""Tools that write specs for the planner: scaffolding a child plan (``new``)."""

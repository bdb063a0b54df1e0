"""The 2025 transition (``plandsl migrate``): re-base a plan set onto the bodies and the
two-level, 34-province map in force on a date, as drafts that replace the old plans.

``run.migrate`` decides per plan; ``agencies`` chooses a successor body (by function where
a body was split, from the registry's ``by_function`` data); ``units`` maps provinces and districts; ``merge``
drafts one plan for a merged province; ``plan`` re-bases one plan; ``output`` writes the
drafts and the report.
"""

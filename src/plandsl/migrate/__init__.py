"""The 2025 transition (``plandsl migrate``): re-base a plan set onto the bodies and the
two-level, 34-province map in force on a date, as drafts that replace the old plans.

``run.migrate`` decides per plan; ``agencies`` and ``functions`` choose a successor body
(by function where a body was split); ``units`` maps provinces and districts; ``merge``
drafts one plan for a merged province; ``plan`` re-bases one plan; ``output`` writes the
drafts and the report.
"""

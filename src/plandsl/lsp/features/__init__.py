"""Language-server features that work on one document and the project's findings:
formatting, outline, code actions and the completion of agency and unit names.

Each module turns plandsl values into lsprotocol values; ``plandsl.lsp.server``
registers them (the incremental analysis lives in ``plandsl.lsp.analysis``).
"""

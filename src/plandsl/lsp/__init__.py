"""The plandsl language server (``plandsl lsp``): pygls glue in server.py, logic in analysis.py."""

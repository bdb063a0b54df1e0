"""The browser face of plandsl: ``plandsl serve`` (a Starlette application) and
``plandsl site`` (the same pages as static HTML).

Modules: ``strings`` (UI words in Vietnamese and English), ``engine`` (the adapter
over the check pipeline: the one place to switch to another engine), ``views``
(tree, plan page, search), ``matrix`` (the ministry matrix and its CSV/XLSX
exports), ``security`` (token, CSRF, path confinement), ``pages`` (Jinja
environment and page rendering shared by the server and the static site),
``app`` (routes), ``editing`` (editor, save, history, new child plan), ``site``
(static export). Templates and static assets live beside them and ship in the wheel.
"""

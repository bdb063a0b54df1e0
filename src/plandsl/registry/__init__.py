"""Registries of jurisdictions (provinces, districts, communes) and agency types.

Importing this package is cheap: the unit data and the agency YAML are loaded
on first use. Use the submodules directly:

    from plandsl.registry import jurisdictions, agencies
"""

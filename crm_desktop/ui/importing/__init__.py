"""Importing: the wizard, its pages and tables, the run, and the import history."""

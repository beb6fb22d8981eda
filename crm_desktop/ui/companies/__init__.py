"""The companies workspace: the list and a company's window."""

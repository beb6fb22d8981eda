"""The contacts workspace: the list, its filters, columns and actions, the contact
window, duplicates and merge, export, and the trash.
"""

"""Sync with the office server (a later issue; see shared/docs/sync.md)."""

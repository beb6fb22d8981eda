"""Tests of the PySide6 interface (offscreen)."""

"""Measured figures of design.md, each printed beside the baseline it is compared with."""

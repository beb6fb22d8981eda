"""Domain operations over the database: plain dataclasses in and out, no Qt."""

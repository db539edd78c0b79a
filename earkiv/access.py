"""Object rules of the earkiv app (core/access.py's object_rule)."""

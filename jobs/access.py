"""Object rules of the jobs app (core/access.py's object_rule)."""

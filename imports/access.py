"""Object rules of the imports app (core/access.py's object_rule)."""

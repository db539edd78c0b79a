"""Object rules of the administration app (core/access.py's object_rule)."""

"""Figures, tables, charts and suppression for the application and the redovisning."""

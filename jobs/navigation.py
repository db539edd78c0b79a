"""Navigation links and dashboard sections this app adds to the shared pages."""

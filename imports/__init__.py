"""Import of a team's spreadsheets (klienter, kontakter, anställningar): upload, preview, confirm."""

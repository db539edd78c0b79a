"""The verksamhet's own administration: users, roles, invitations, offboarding, the organisations register, settings and the export of all its data."""

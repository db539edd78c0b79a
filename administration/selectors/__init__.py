"""Every read of the administration, scoped to the administrator's verksamhet."""

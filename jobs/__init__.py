"""Periodic work run by the scheduler (procrastinate): reminders, digests, gallring report, backup; and the job log."""

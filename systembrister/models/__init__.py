from .report import Answer, Event, EventKind, Level, Outcome, Status, Support, Systembrist

__all__ = ["Answer", "Event", "EventKind", "Level", "Outcome", "Status", "Support", "Systembrist"]

"""The activities workspace: the rep's work (overdue, today, this week, upcoming, done)
and the small form that logs a call or schedules the next step."""

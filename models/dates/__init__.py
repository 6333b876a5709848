"""The dates room: activity periods as typed, their spans, deadlines, the planning date and the calendar's layout; it imports only models' leaf modules."""

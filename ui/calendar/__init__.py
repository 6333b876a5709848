"""The calendar tab: timeline (painting), unplaced-activities list, and the view of both."""

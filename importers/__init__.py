"""Readers of what units send back: returned workbooks and Word tables."""

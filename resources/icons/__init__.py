"""The application icon drawn at each size (generated from resources/metrology-day.svg)."""

"""Delivery: the icon files, the PyInstaller bundle and the Debian package (not part of the program)."""

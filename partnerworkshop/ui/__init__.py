"""The PySide6 workshop app."""

"""partnerworkshop: help two organisations agree what their partnership means."""

__version__ = "0.1.0"

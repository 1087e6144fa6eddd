"""Documents made from a session: the charter PDF and answer sheets. No Qt."""

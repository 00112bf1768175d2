"""Sign-in, first account and idle lock: self-contained widgets taking ``(backend, parent=None)``."""

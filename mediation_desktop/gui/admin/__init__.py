"""Administration: users, the audit trail, backups and recovery. Widgets take ``(backend, parent=None)``."""

"""The sync page: exchanging packages with the district, and the supervisor's per-room view."""

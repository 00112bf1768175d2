"""队伍与工作: the programme's registers in the window (mediators, training, outreach, screenings,
typical cases; at the district also the organisations)."""

"""The case's documents in the GUI: the 文书 tab of the case detail and batch generation from the case list."""

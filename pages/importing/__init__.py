"""Import of pages from JSON Lines: read → parse fields → write pages (one transaction a line)."""

"""Benchmarks of indexing and search (issue 6); see bench/README.md."""

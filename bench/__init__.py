"""Benchmarks of indexing and search; see bench/README.md."""

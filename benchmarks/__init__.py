"""Benchmarks (`make bench`): figures and ratios against a plain-SQLite baseline."""

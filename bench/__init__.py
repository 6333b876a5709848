"""Benchmarks (not tests): each prints its figures and ratios against a same-process baseline."""

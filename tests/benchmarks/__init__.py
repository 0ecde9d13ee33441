"""Tests of the benchmarks' own bookkeeping (their timings are measured, never asserted)."""

"""Benchmark of Portal Kampung KB (``make bench``, issue 7). Never imported by the app."""

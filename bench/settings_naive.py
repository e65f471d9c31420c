"""Benchmark settings: no page cache, and the naive article view at the story URL."""

from bench.settings_bare import *  # noqa: F403

ROOT_URLCONF = "bench.urls_naive"

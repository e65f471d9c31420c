"""Tests of the demo content generator."""

"""Ingest: retrieve → archive → detect → parse (pure) → decide (pure) → store."""

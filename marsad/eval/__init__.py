"""Scoring against gold files (annotation-guide format)."""

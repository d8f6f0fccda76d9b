"""Claims: who said what, by which cue."""

"""Entity mentions and their resolution to actors."""

"""Events: PLOVER triggers, their arguments and modality."""

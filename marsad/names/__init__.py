"""English names for Arabic person names: a dictionary of seen tokens plus a
learned joint-sequence model for unseen ones (see romanize.py)."""
from marsad.names.romanize import romanize_name, romanize_token

__all__ = ["romanize_name", "romanize_token"]

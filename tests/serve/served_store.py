"""What the served test stores hold (beside conftest.py: the tests import it by this unique name)."""
from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "seed-0001.txt"
SEED_DATE = "2017-12-27"
# An Arabic news sentence with markup in it: the API must give it back as data, unchanged.
MARKUP_ID = "markup-0001"
MARKUP_TEXT = ('اتهمت وزارة الخارجية الروسية الولايات المتحدة <script>alert("x")</script> بدعم '
               'الإرهاب في سوريا، وقال المتحدث " onerror="alert(1) إن موسكو سترد.')

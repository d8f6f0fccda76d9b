"""`python -m marsad …`: the `marsad` command."""
from marsad.cli import app

app(prog_name="marsad")

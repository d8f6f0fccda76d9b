"""Reading articles in and writing records out."""

"""Project commands that are not part of the site build (run through ./dev)."""

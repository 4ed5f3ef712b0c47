"""The applications over the core: the command line, the review, the export."""

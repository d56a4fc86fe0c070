"""Sub-command groups of the CLI, one thin file each (`office …`, `sync …`, `keys request`).

Each file registers its parsers and turns arguments into one service call and its output; the
work is in the services, shared with the GUI. No Qt here.
"""

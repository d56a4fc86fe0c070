"""The `inspector-app` entry point: no argument opens the GUI, a sub-command goes to the CLI.

This module imports no Qt, so `inspector-app evaluate` and friends start as fast as Python does.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = ("gui", "screenshot")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in GUI_COMMANDS or (args[0] == "--db" and len(args) == 2):
        import gc

        gc.disable()
        import inspector_app.services  # noqa: F401  (before PySide6, see above)
        from ui.app import main as gui_main

        return gui_main(args)
    from inspector_app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())

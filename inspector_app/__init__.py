"""inspector_app core: domain records, services shared by the GUI and the CLI, the CLI itself.

Knows nothing of Qt (only `ui/` does); reaches the database only through `db/`.
"""

__version__ = "0.1.0"

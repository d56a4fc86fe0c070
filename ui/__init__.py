"""The GUI: everything PySide6 lives here (windows, pages, item models, translations)."""

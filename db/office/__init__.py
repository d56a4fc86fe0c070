"""The office's store: one interface (`OfficeStore`) and its engines side by side.

Services import `OfficeStore` and receive an implementation; they never import a driver. Today:
`sqlite.SQLiteOfficeStore`, in the same file as the app's own tables (an office is the same app in
office mode). A PostgreSQL engine for consolidating many offices implements the same interface.
"""

from db.office.store import OfficeStore

__all__ = ["OfficeStore"]

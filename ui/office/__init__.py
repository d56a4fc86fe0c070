"""Office mode: the same app opened on an office database shows these pages (import bundles,
enrol requests, make packages per device), around the shared verify and settings pages."""

"""Sync by file (spec/office.md; docs/sync.md): bundles laptop → office, return packages office →
laptop. Everything about how a file gets refused is in this folder:

- `formats`: member names, size limits and manifest fields of both kinds of file;
- `refusals`: every reason a file is refused, with the member it concerns;
- `zipcheck`: reading a zip safely (traversal, duplicates, bombs, sizes, hashes, streamed);
- `bundle`: writing a bundle (export); `importer`: verify and write, one transaction committed
  after the last check;
- `package`: writing and checking a return package; `laptop`: the laptop's sync service.
"""

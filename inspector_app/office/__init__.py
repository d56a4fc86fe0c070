"""The office's work, over the OfficeStore interface: its root and enrolments (`service`), and —
from issue to issue — review, directories, draws, statistics, credit lists and publication.
"""

"""Window sizes: every window and dialog opens within the smallest screen the app supports.

Inspectors' laptops often have 1366 × 768 screens. A window that opens taller than the screen hides
its buttons (the record preview once opened 1000 px tall, its Close and Print below the edge), so
every top-level window is sized here, and tests/ui/test_window_sizes.py checks each one (its size
and the least its layout needs). A larger screen still lets people maximise.
"""

from __future__ import annotations

SMALLEST_SCREEN = (1366, 768)
CHROME_HEIGHT = 72  # a title bar (~32 px) and a taskbar (~40 px) take this much of the height
LARGEST_WINDOW = (SMALLEST_SCREEN[0], SMALLEST_SCREEN[1] - CHROME_HEIGHT)


def initial_size(width: int, height: int) -> tuple[int, int]:
    """``width`` × ``height`` cut to what fits the smallest screen with its title bar and taskbar."""
    return min(width, LARGEST_WINDOW[0]), min(height, LARGEST_WINDOW[1])

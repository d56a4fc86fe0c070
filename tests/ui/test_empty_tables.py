"""A table with no row says what that means (the red list is empty, nothing was returned)
instead of showing a blank white box; the words go as soon as a row comes."""

from __future__ import annotations

from ui.tables import fill, table


def ink(view) -> int:
    """How many pixels of the table's viewport differ from its background."""
    image = view.viewport().grab().toImage()
    background = image.pixelColor(2, 2)
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) != background
    )


def test_an_empty_table_says_so_and_a_filled_one_does_not(qtbot):
    said = table(["统一社会信用代码", "名称", "原因"], stretch=2, empty="红名单上暂无检查对象。")
    silent = table(["统一社会信用代码", "名称", "原因"], stretch=2)
    for view in (said, silent):
        qtbot.addWidget(view)
        view.resize(600, 300)
        view.show()
    qtbot.waitExposed(said)
    assert ink(silent) == 0  # the blank box it was
    assert ink(said) > 100  # the words, in the placeholder colour
    row = [["915001011M47513A66", "永辉超市", "三次检查均合格"]]
    fill(said, row)
    fill(silent, row)
    assert ink(said) == ink(silent) > 0  # a row now, drawn alike, and no placeholder under it
    # The stretch column (the reason) takes the free width.
    assert said.columnWidth(2) > said.columnWidth(0) and said.columnWidth(2) > said.columnWidth(1)

"""PDF pages as PNG images (pypdfium2, a self-contained PDFium): the GUI's preview and printing."""

from __future__ import annotations

import io


def page_images(pdf: bytes, *, dpi: int = 110) -> list[bytes]:
    """Every page rendered at ``dpi`` as PNG bytes."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            buffer = io.BytesIO()
            document[index].render(scale=dpi / 72).to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def page_image(pdf: bytes, index: int, *, dpi: int) -> bytes:
    """One page rendered at ``dpi`` as PNG bytes (printing renders page by page at the printer's
    resolution: a 600-dpi A4 page is 35 megapixels, not to be held for every page at once)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        buffer = io.BytesIO()
        document[index].render(scale=dpi / 72).to_pil().save(buffer, format="PNG")
        return buffer.getvalue()
    finally:
        document.close()

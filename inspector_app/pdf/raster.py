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

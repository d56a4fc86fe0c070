"""Reading QR codes from paper: scanned PDFs and photos become grey page images, then QR texts.

The office's scanner gives a PDF of page images (or PNG/JPEG files); a phone gives JPEG photos.
Each page is rendered (pypdfium2) or decoded whole (Pillow), turned upright (EXIF), greyed, and
handed to zxing-cpp. One decoder call can miss a clean symbol (PLATFORM.md), so `decode` runs a
short chain — the plain image, then twice the resolution, then a global threshold — and stops as
soon as the caller says it has enough. Nothing here knows what the texts mean (sync.scan_import).

Bounded work for hostile input: files are read up to MAX_FILE, a PDF up to MAX_PAGES pages, every
image up to MAX_PIXELS (a larger page is rendered smaller rather than allocated); a file that is
none of PDF, PNG or JPEG, or does not decode, raises ScanUnreadable naming why.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_FILE = 512 * 1024 * 1024  # bytes: a 300-page colour scan at 300 dpi is ~300 MB
MAX_PAGES = 2000  # pages of one PDF
MAX_PIXELS = 50_000_000  # pixels of one page or photo (pdf.images: a 50-megapixel photo)
DPI = 200  # the office scan the sync codes are sized for (pdf.sync_codes)
KINDS = {b"%PDF-": "pdf", b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}

Enough = Callable[[set[str]], bool]


class ScanUnreadable(ValueError):
    """A file that gives no page images: ``code`` (a message code) and its params."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class ScanPage:
    """One page image of a file: 1-based ``page`` (1 for a photo); ``render(factor)`` gives it
    again at ``factor`` × the resolution (sharper for a PDF, interpolated for a photo)."""

    page: int
    image: Any  # PIL.Image.Image, mode "L"
    render: Callable[[float], Any]


def kind_of(head: bytes) -> str:
    """'pdf', 'png', 'jpeg' or '' from a file's first bytes."""
    return next((kind for magic, kind in KINDS.items() if head.startswith(magic)), "")


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except IsADirectoryError as exc:
        raise ScanUnreadable("scan_not_a_file") from exc
    except OSError as exc:
        raise ScanUnreadable("scan_cannot_open", detail=exc.strerror or type(exc).__name__) from exc
    if len(data) > MAX_FILE:
        raise ScanUnreadable("scan_too_large", max=f"{MAX_FILE // (1024 * 1024)} MB")
    return data


def count_pages(path: Path) -> int:
    """Pages in a file (1 for a photo, 0 if unreadable): for progress before the slow part."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
        if kind_of(head) != "pdf":
            return 1
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
        try:
            return min(len(document), MAX_PAGES)
        finally:
            document.close()
    except Exception:
        return 0


def pages(path: Path, *, dpi: int = DPI) -> Iterator[ScanPage]:
    """The page images of a PDF, PNG or JPEG file, in order; raises ScanUnreadable."""
    data = _read(path)
    kind = kind_of(data[:8])
    if kind == "pdf":
        yield from _pdf_pages(data, dpi)
    elif kind:
        image = _photo(data)
        yield ScanPage(1, image, lambda factor: _scaled(image, factor))
    else:
        raise ScanUnreadable("scan_unsupported")


def _scale_for(width_pt: float, height_pt: float, dpi: float) -> float:
    """``dpi`` / 72, lowered so the page stays within MAX_PIXELS."""
    scale = dpi / 72
    area = max(width_pt, 1.0) * max(height_pt, 1.0) * scale * scale
    if area > MAX_PIXELS:
        scale *= (MAX_PIXELS / area) ** 0.5
    return scale


def _pdf_pages(data: bytes, dpi: int) -> Iterator[ScanPage]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ScanUnreadable("scan_damaged_pdf", detail=str(exc)[:80]) from exc
    try:
        total = len(document)
        if total > MAX_PAGES:
            raise ScanUnreadable("scan_too_many_pages", pages=total, max=MAX_PAGES)
        for index in range(total):
            try:
                page = document[index]
                width, height = page.get_size()

                def render(
                    factor: float, page: Any = page, width: float = width, height: float = height
                ) -> Any:
                    scale = _scale_for(width, height, dpi * factor)
                    return page.render(scale=scale, grayscale=True).to_pil().convert("L")

                image = render(1.0)
            except pypdfium2.PdfiumError as exc:
                raise ScanUnreadable("scan_damaged_pdf", detail=f"page {index + 1}") from exc
            yield ScanPage(index + 1, image, render)
    finally:
        document.close()


def _photo(data: bytes) -> Any:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ScanUnreadable("scan_image_too_large", pixels=width * height, max=MAX_PIXELS)
            image.load()
            upright = ImageOps.exif_transpose(image)
            return upright.convert("L")
    except ScanUnreadable:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses before our own check when the header claims far more than MAX_PIXELS
        claimed = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = claimed.group(1) if claimed else f"> {MAX_PIXELS}"
        raise ScanUnreadable("scan_image_too_large", pixels=pixels, max=MAX_PIXELS) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ScanUnreadable("scan_damaged_image", detail=type(exc).__name__) from exc


def _scaled(image: Any, factor: float) -> Any:
    from PIL import Image

    width, height = image.size
    factor = min(factor, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
    if factor <= 1:
        return image
    return image.resize((round(width * factor), round(height * factor)), Image.Resampling.BICUBIC)


def read_qr(image: Any, *, binarizer: str = "local") -> list[str]:
    """Every QR text zxing-cpp finds in ``image`` (one call)."""
    import zxingcpp

    found = zxingcpp.read_barcodes(
        image,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        binarizer=zxingcpp.Binarizer.GlobalHistogram
        if binarizer == "global"
        else zxingcpp.Binarizer.LocalAverage,
    )
    return [b.text for b in found if b.valid and b.text]


def decode(page: ScanPage, enough: Enough = lambda texts: bool(texts)) -> set[str]:
    """The QR texts of a page, trying the chain until ``enough(texts so far)`` holds."""
    texts = set(read_qr(page.image))
    if enough(texts):
        return texts
    texts |= set(read_qr(page.render(2.0)))
    if enough(texts):
        return texts
    texts |= set(read_qr(page.image, binarizer="global"))
    return texts

"""Photos and signature images: decoded whole before they are stored, so the record can show them.

A file is taken only if Pillow (which reportlab draws images with) reads it completely as PNG or
JPEG; a renamed document, a truncated JPEG or a decompression bomb is refused when attached, not
discovered when the record is signed.
"""

from __future__ import annotations

import io
import warnings

MIMES = {"PNG": "image/png", "JPEG": "image/jpeg"}
MAX_PIXELS = 50_000_000  # a 50-megapixel phone photo; more is a decompression bomb, not evidence


class ImageRefused(ValueError):
    """Not a PNG or JPEG that decodes completely; ``code`` says why (a message code)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def image_mime(data: bytes) -> str:
    """The MIME type of an image that decodes completely; raises ImageRefused."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                if kind not in MIMES:
                    raise ImageRefused("not_an_image", format=kind or "?")
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ImageRefused("image_too_large", pixels=width * height, max=MAX_PIXELS)
                image.load()  # decode every pixel: a truncated or corrupt file fails here
    except ImageRefused:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageRefused("not_an_image", format=type(exc).__name__) from exc
    except Image.DecompressionBombWarning as exc:
        raise ImageRefused("image_too_large", pixels="?", max=MAX_PIXELS) from exc
    return MIMES[kind]

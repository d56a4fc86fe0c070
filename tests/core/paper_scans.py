"""Paper for the sync-code tests: record PDFs rendered like an office scan or a phone photo.

Pages are rendered at 200 dpi (pypdfium2), turned a few degrees, blurred and noised the way a
flatbed scanner or a hand-held phone leaves them, then saved as PNG, JPEG, or assembled into a
multi-page PDF of page images as a scanner writes it.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2
from PIL import Image, ImageChops, ImageFilter


def pages(pdf: bytes, dpi: int = 200) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [
            document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(document))
        ]
    finally:
        document.close()


def scanned(
    image: Image.Image, rng: random.Random, *, max_angle: float = 4.0, noise: float = 18.0
) -> Image.Image:
    """The page as it comes back from a scanner: skewed, slightly soft, grainy."""
    angle = rng.uniform(1.0, max_angle) * rng.choice((-1, 1))
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    grain = Image.effect_noise(turned.size, noise)
    noisy = ImageChops.add(turned, grain, 1.0, -128)
    return noisy.filter(ImageFilter.GaussianBlur(0.5))


def save(image: Image.Image, path: Path) -> Path:
    if path.suffix == ".jpg":
        image.save(path, "JPEG", quality=85)
    else:
        image.save(path, "PNG")
    return path


def scanner_pdf(images: list[Image.Image], path: Path, dpi: int = 200) -> Path:
    """A PDF of page images at ``dpi``, as an office scanner writes one."""
    buffer = io.BytesIO()
    first, *rest = [i.convert("RGB") for i in images]
    first.save(buffer, "PDF", save_all=True, append_images=rest, resolution=dpi)
    path.write_bytes(buffer.getvalue())
    return path

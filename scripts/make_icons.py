"""Draw the app icons and the favicon (run once; the PNGs are committed).

`python scripts/make_icons.py` writes static/pwa/*.png and static/favicon.ico:
a white "KB" on the portal green, with a margin that keeps it inside the
"maskable" safe zone when a phone crops it to a circle."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
GREEN = (11, 110, 79)
FONT = ROOT / "static" / "fonts" / "DejaVuSans-Bold.ttf"


def icon(size: int) -> Image.Image:
    image = Image.new("RGB", (size, size), GREEN)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), int(size * 0.36))
    draw.text((size / 2, size / 2), "KB", fill="white", font=font, anchor="mm")
    return image


def main() -> None:
    out = ROOT / "static" / "pwa"
    out.mkdir(exist_ok=True)
    for size in (32, 180, 192, 512):
        # Two colours and their anti-aliased edge: a 16-colour palette looks
        # the same and halves the bytes a phone downloads on its first visit.
        icon(size).quantize(colors=16).save(out / f"icon-{size}.png", optimize=True)
    icon(64).save(ROOT / "static" / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()

"""Draws assets/bestyrelsesforeningen-mark.png, the stand-in logo mark of the seed event's
organiser (the announcement carries no logo file). Greyscale, 1200 px square: 1,900 ppi at the
16 mm it is placed at, so it prints sharp and carries no RGB.

Run: python assets/make_logo.py  (needs Pillow, which ReportLab already brings)
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
SIZE = 1200


def main() -> None:
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    dark = 40
    draw.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=180, fill=dark)
    # three steps of a table seen from above: a board around its table
    for i, width in enumerate((640, 520, 400)):
        top = 560 + i * 170
        draw.rounded_rectangle(
            ((SIZE - width) // 2, top, (SIZE + width) // 2, top + 100), radius=40, fill=255
        )
    font = ImageFont.truetype(str(HERE.parent / "fonts" / "NotoSans-Bold.ttf"), 300)
    draw.text((SIZE // 2, 330), "BF", font=font, fill=255, anchor="mm")
    image.save(HERE / "bestyrelsesforeningen-mark.png", optimize=True)


if __name__ == "__main__":
    main()

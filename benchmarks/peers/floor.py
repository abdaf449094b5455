"""Bare-ReportLab floor for N-up badges: Noto Sans registered from FONT_DIR, name (bold) and
organisation (regular) drawn with drawString at fixed positions on a 2x5 grid of 90x54 mm
badges on A4, one canvas, showPage per sheet; no fitting, no wrapping, no logo, no bands.
With a 4th argument 'qr', also a personal QR code per badge: the matrix from zxing-cpp
(or from the qrcode library with 'qr-qrcode'), drawn as ONE path per code (one rect per
horizontal run of dark modules, one fill).
Usage: floor.py N OUT.pdf FONT_DIR [qr|qr-qrcode]"""

import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
from attendees import rows

n, out, fdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
qr = sys.argv[4] if len(sys.argv) > 4 else None
pdfmetrics.registerFont(TTFont("R", f"{fdir}/NotoSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("B", f"{fdir}/NotoSans-Bold.ttf"))
c = canvas.Canvas(out, pagesize=A4, invariant=1, initialFontName="R")
W, H = 90 * mm, 54 * mm
QS = 18 * mm  # symbol size incl. quiet zone, as pretix_style.py

if qr == "qr":
    import zxingcpp

    def matrix(text):
        img = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
            scale=1, add_quiet_zones=False
        )
        size = img.shape[0]
        return size, bytes(memoryview(img)).translate(bytes([1] + [0] * 255))  # 1 = dark
elif qr == "qr-qrcode":
    import qrcode

    def matrix(text):
        q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        q.add_data(text)
        q.make(fit=True)
        m = q.get_matrix()
        return len(m), bytes(1 if v else 0 for r in m for v in r)


def draw_qr(x, y, text):
    size, dark = matrix(text)
    mod = QS / (size + 8)
    left, top = x + 4 * mod, y + QS - 4 * mod
    p = c.beginPath()
    for r in range(size):
        row = dark[r * size : (r + 1) * size]
        i = row.find(1)
        while i != -1:
            e = row.find(0, i)
            e = size if e == -1 else e
            p.rect(left + i * mod, top - (r + 1) * mod, (e - i) * mod, mod)
            i = row.find(1, e) if e < size else -1
    c.drawPath(p, stroke=0, fill=1)


for i, a in enumerate(rows(n)):
    k = i % 10
    if i and k == 0:
        c.showPage()
    col, row = k % 2, k // 2
    x = 15 * mm + col * W
    y = A4[1] - 12 * mm - (row + 1) * H
    c.setFont("B", 16)
    c.drawString(x + 4 * mm, y + 38 * mm, f"{a['first_name']} {a['last_name']}")
    c.setFont("R", 8)
    c.drawString(x + 4 * mm, y + 30 * mm, a["organisation"])
    if qr:
        draw_qr(x + W - 22 * mm, y + 4 * mm, f"https://tickets.example.org/{a['ticket_id']}")
c.save()

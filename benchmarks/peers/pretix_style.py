"""Peer approach: pretix's badge rendering style — ReportLab Paragraph text with autoresize loop and
a QrCodeWidget drawn per badge through renderPDF — on 90x54 mm badges 2x5 on A4.
Usage: pretix_style.py N OUT.pdf FONT_DIR [qr]"""

import sys

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from attendees import rows

n, out, fdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
qr = len(sys.argv) > 4
pdfmetrics.registerFont(TTFont("R", f"{fdir}/NotoSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("B", f"{fdir}/NotoSans-Bold.ttf"))
c = canvas.Canvas(out, pagesize=A4, invariant=1, initialFontName="R")
W, H = 90 * mm, 54 * mm


def fit(text, font, size, w, h):
    while True:
        p = Paragraph(text, ParagraphStyle("s", fontName=font, fontSize=size, leading=size * 1.2))
        pw, ph = p.wrap(w, h)
        if (ph <= h and p.minWidth() <= w) or size <= 1:
            return p, ph
        size -= max(1, size * 0.1)


for i, a in enumerate(rows(n)):
    k = i % 10
    if i and k == 0:
        c.showPage()
    col, row = k % 2, k // 2
    x = 15 * mm + col * W
    y = A4[1] - 12 * mm - (row + 1) * H
    p, ph = fit(
        f"{a['first_name']} {a['last_name']}", "B", 20, W - 8 * mm - (20 * mm if qr else 0), 16 * mm
    )
    p.drawOn(c, x + 4 * mm, y + 30 * mm)
    p, ph = fit(a["organisation"], "R", 9, W - 8 * mm - (20 * mm if qr else 0), 10 * mm)
    p.drawOn(c, x + 4 * mm, y + 16 * mm)
    if qr:
        w = QrCodeWidget(f"https://tickets.example.org/{a['ticket_id']}", barLevel="M")
        b = w.getBounds()
        s = 18 * mm / (b[2] - b[0])
        d = Drawing(18 * mm, 18 * mm, transform=[s, 0, 0, s, 0, 0])
        d.add(w)
        renderPDF.draw(d, c, x + W - 22 * mm, y + 4 * mm)
c.save()

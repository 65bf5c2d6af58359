"""Reference colours for the heat map of Vigie's SVG charts (Sources/AuditReport/Charts).

The heat map's sequential scale is cividis (Nunez, Anderton & Renslow, PLOS ONE 13(7):
e0199239, 2018), sampled at 9 evenly spaced stops from matplotlib's colormap and
interpolated linearly in sRGB. This script writes:
  - the 9 stops (hex, as Vigie hard-codes them),
  - expected fills at chosen values (interpolated here, independently of Vigie),
  - the WCAG 2.2 relative luminance of each expected fill and the text colour (black or
    white, higher contrast ratio) Vigie must choose.
Run: python3 cividis.py > cividis.json   (matplotlib 3.11)
"""
import json
import matplotlib

cmap = matplotlib.colormaps["cividis"]
stops = []
for k in range(9):
    r, g, b, _ = cmap(k / 8)
    stops.append([round(r * 255, 6), round(g * 255, 6), round(b * 255, 6)])


def hexcolour(rgb):
    return "#" + "".join("%02X" % int(min(255, max(0, c)) + 0.5) for c in rgb)


def fill(t):
    t = min(1.0, max(0.0, t))
    pos = t * 8
    i = min(7, int(pos))
    f = pos - i
    a, b = stops[i], stops[i + 1]
    return [a[j] + (b[j] - a[j]) * f for j in range(3)]


def luminance(rgb):
    def lin(v):
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])


cases = []
for t in [0.0, 0.05, 0.125, 0.3, 0.5, 0.61, 0.875, 0.99, 1.0]:
    rgb = fill(t)
    l = luminance(rgb)
    text = "#000000" if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) else "#FFFFFF"
    cases.append({"t": t, "fill": hexcolour(rgb), "luminance": l, "text": text})

print(json.dumps({"stops_hex": [hexcolour(s) for s in stops], "stops_rgb": stops, "cases": cases}, indent=1))

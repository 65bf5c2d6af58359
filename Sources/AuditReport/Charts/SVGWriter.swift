/// Builds one standalone, accessible SVG document; every caller string goes through
/// ``XMLEscape``.
///
/// The root is `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 W H" role="img"
/// aria-labelledby="ID-title ID-desc">` with `<title id="ID-title">` and
/// `<desc id="ID-desc">` first (SVG 2 §5.9; WAI-ARIA Graphics Module, `role="img"`;
/// the pattern of Watson, "Accessible SVGs", CSS-Tricks 2014). No width or height: the
/// viewBox lets the page scale it. No `<style>` and no `style` attribute, only
/// presentation attributes, so a strict Content-Security-Policy accepts it and several
/// charts on a page cannot restyle one another.
struct SVGWriter {
    let id: String
    let width: Double
    /// The room the chart is drawn in (``ChartLayout``): its text is never smaller than
    /// `layout.minimumTextSize`, its row labels keep `layout.labelCharacters` characters.
    let layout: ChartLayout
    private(set) var body = ""

    init(id: String, width: Double? = nil, layout: ChartLayout = .wide) {
        self.id = ChartID.sanitised(id) + layout.idSuffix
        self.width = width ?? layout.width
        self.layout = layout
    }

    /// An id unique to this chart, `ID-suffix`.
    func localID(_ suffix: String) -> String { "\(id)-\(suffix)" }

    mutating func raw(_ element: String) { body += element + "\n" }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                       stroke: String = ChartPalette.ink, width: Double = 1, dash: String? = nil, cls: String? = nil) {
        let c = ChartNumber.coordinate
        var e = "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\""
        if let dash { e += " stroke-dasharray=\"\(dash)\"" }
        if let cls { e += " class=\"\(cls)\"" }
        raw(e + "/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                       stroke: String? = nil, cls: String? = nil) {
        let c = ChartNumber.coordinate
        var e = "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(0, w)))\" height=\"\(c(max(0, h)))\" fill=\"\(fill)\""
        if let stroke { e += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        if let cls { e += " class=\"\(cls)\"" }
        raw(e + "/>")
    }

    /// A text element; `content` is escaped here. `halo`: a white outline under the glyphs.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       fill: String = ChartPalette.ink, bold: Bool = false, italic: Bool = false,
                       rotate: Double? = nil, halo: Bool = false, cls: String? = nil) {
        raw(Self.textElement(content, x: x, y: y, anchor: anchor, size: max(size, layout.minimumTextSize), fill: fill, bold: bold,
                             italic: italic, rotate: rotate, halo: halo, cls: cls))
    }

    static func textElement(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                            fill: String = ChartPalette.ink, bold: Bool = false, italic: Bool = false,
                            rotate: Double? = nil, halo: Bool = false, cls: String? = nil) -> String {
        let c = ChartNumber.coordinate
        var e = "<text x=\"\(c(x))\" y=\"\(c(y))\""
        if anchor != "start" { e += " text-anchor=\"\(anchor)\"" }
        if size != 12 { e += " font-size=\"\(c(size))\"" }
        e += " fill=\"\(fill)\""
        if bold { e += " font-weight=\"bold\"" }
        if italic { e += " font-style=\"italic\"" }
        if let rotate { e += " transform=\"rotate(\(c(rotate)) \(c(x)) \(c(y)))\"" }
        // A white outline painted under the glyphs keeps text legible over grid and lines.
        if halo { e += " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let cls { e += " class=\"\(cls)\"" }
        return e + ">" + XMLEscape.text(content) + "</text>"
    }

    /// Opens a group for one data mark, with its full label and value as a tooltip.
    mutating func openMark(_ tooltip: String, cls: String = "vg-mark") {
        raw("<g class=\"\(cls)\"><title>\(XMLEscape.text(tooltip))</title>")
    }

    mutating func close() { raw("</g>") }

    /// The marker text of a missing value, `class="vg-missing"`.
    mutating func missing(_ word: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                          rotate: Double? = nil) {
        text(word, x: x, y: y, anchor: anchor, size: size, fill: ChartPalette.muted, italic: true, rotate: rotate,
             halo: true, cls: "vg-missing")
    }

    /// `<defs>` with a diagonal hatch pattern `ID-hatch` (ink lines 45°, 6 px apart), the
    /// second encoding of "below the threshold" / "high" bars and of missing cells.
    mutating func hatchPattern(colour: String = ChartPalette.ink) {
        raw("<defs><pattern id=\"\(localID("hatch"))\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(colour)\" stroke-width=\"1.5\"/></pattern></defs>")
    }

    var hatchFill: String { "url(#\(localID("hatch")))" }

    /// The whole document, `height` tall.
    func document(height: Double, title: String, description: String) -> String {
        let c = ChartNumber.coordinate
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\""
        out += " role=\"img\" aria-labelledby=\"\(localID("title")) \(localID("desc"))\""
        out += " id=\"\(id)\" class=\"vigie-chart\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(localID("title"))\">\(XMLEscape.text(title))</title>\n"
        out += "<desc id=\"\(localID("desc"))\">\(XMLEscape.text(description))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#FFFFFF\"/>\n"
        out += body
        out += "</svg>\n"
        return out
    }
}

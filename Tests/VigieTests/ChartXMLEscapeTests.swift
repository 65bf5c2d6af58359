@testable import AuditReport
import Testing

@Suite struct ChartXMLEscapeTests {
    @Test func escapesMarkupInText() {
        #expect(XMLEscape.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(XMLEscape.text("&amp;") == "&amp;amp;")
        #expect(XMLEscape.text("a]]>b") == "a]]&gt;b")
        #expect(XMLEscape.text("Hommes & femmes \"âgés\" d'abord") == "Hommes &amp; femmes &quot;âgés&quot; d&apos;abord")
        #expect(XMLEscape.text("ligne\nsuivante") == "ligne\nsuivante")
    }

    @Test func escapesQuotesAndWhitespaceInAttributes() {
        #expect(XMLEscape.attribute("x\" onload=\"alert(1)") == "x&quot; onload=&quot;alert(1)")
        #expect(XMLEscape.attribute("a'b") == "a&apos;b")
        #expect(XMLEscape.attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
    }

    @Test func replacesCharactersXMLCannotHold() throws {
        #expect(XMLEscape.text("a\u{0}b\u{1B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(XMLEscape.text("🇫🇷 é") == "🇫🇷 é")
        // The result parses as XML and reads back as the label (minus what XML cannot hold).
        let tree = try SVGTree.parse("<t a=\"\(XMLEscape.attribute("x\"<>&'\n\u{7}"))\">\(XMLEscape.text("<&>\"'\u{7}"))</t>")
        #expect(tree.nodes[0].text == "<&>\"'\u{FFFD}")
        #expect(tree.nodes[0].attributes["a"] == "x\"<>&'\n\u{FFFD}")
    }

    @Test func idsAreSanitised() {
        #expect(ChartID.sanitised("rates-sex") == "rates-sex")
        #expect(ChartID.sanitised("taux sexe<1>") == "taux_sexe_1_")
        #expect(ChartID.sanitised("1st") == "chart-1st")
        #expect(ChartID.sanitised("") == "chart-")
        #expect(ChartID.sanitised("é") == "chart-_")
    }
}

@testable import AuditReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// One element of a parsed SVG: its name, attributes, direct text, and its ancestors' classes.
struct SVGNode {
    var name: String
    var attributes: [String: String]
    var text: String
    var ancestorClasses: [String]

    var cls: String { attributes["class"] ?? "" }
    func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
}

/// Parses a chart with Foundation's `XMLParser` (a real, validating-for-well-formedness XML
/// parser, independent of the writer) into a flat list of elements in document order.
final class SVGTree: NSObject, XMLParserDelegate {
    private(set) var nodes: [SVGNode] = []
    private var stack: [Int] = []
    private var error: Error?

    static func parse(_ svg: String) throws -> SVGTree {
        let tree = SVGTree()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = tree
        // On Linux `parse()` returns true after some recoverable errors (a mismatched end tag,
        // content after the root): any reported error fails the parse.
        let finished = parser.parse()
        if let error = parser.parserError ?? tree.error { throw error }
        guard finished else { throw ChartTestError.notXML }
        return tree
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        let classes = stack.map { nodes[$0].cls }
        nodes.append(SVGNode(name: name, attributes: attributes, text: "", ancestorClasses: classes))
        stack.append(nodes.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = stack.last { nodes[last].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    /// Elements whose class is exactly `cls`.
    func elements(class cls: String) -> [SVGNode] { nodes.filter { $0.cls == cls } }
    /// Data marks (`class="vg-mark"`).
    var marks: [SVGNode] { elements(class: "vg-mark") }
    /// Missing-value marker texts.
    var missingTexts: [String] { elements(class: "vg-missing").map(\.text) }
    /// Every text element's content, in order.
    var texts: [String] { nodes.filter { $0.name == "text" }.map(\.text) }
}

enum ChartTestError: Error { case notXML }

/// Shared inputs for the chart tests, in French like a Montpellier report.
enum ChartFixture {
    static let text = ChartText(undefined: "non défini", suppressed: "masqué")
    static let hostile = "<script>alert(1)</script>"
    static let ampersand = "&amp;"
}

@Suite struct ChartSupportTests {
    @Test func parserRejectsMalformedXML() {
        #expect(throws: (any Error).self) { try SVGTree.parse("<svg><text>a < b</text></svg>") }
        #expect(throws: (any Error).self) { try SVGTree.parse("<svg><g></svg>") }
        #expect(throws: (any Error).self) { try SVGTree.parse("<svg></svg><x/>") }
        #expect(throws: (any Error).self) { try SVGTree.parse("<svg>") }
        #expect(throws: (any Error).self) { try SVGTree.parse("<svg a=\"1\" a=\"2\"/>") }
    }

    @Test func parserDecodesEntitiesAndKeepsAncestors() throws {
        let tree = try SVGTree.parse("<svg><g class=\"vg-mark\"><text class=\"t\">&lt;b&gt; &amp;amp;</text></g></svg>")
        let text = try #require(tree.elements(class: "t").first)
        #expect(text.text == "<b> &amp;")
        #expect(text.ancestorClasses == ["", "vg-mark"])
        #expect(tree.marks.count == 1)
    }
}

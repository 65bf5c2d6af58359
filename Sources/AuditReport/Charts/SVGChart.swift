/// Accessible inline SVG charts for the HTML transparency report (issue 6, point 4).
///
/// Pure functions: a small input struct in, a standalone SVG document out — valid XML,
/// `xmlns` set, sized by its `viewBox`, `role="img"` with `<title>` and `<desc>`
/// (see ``SVGWriter``). Every caller string is escaped (``XMLEscape``); every word comes
/// from the caller (``ChartText``, the chart's labels); numbers are fixed-precision
/// without a locale, so the same input gives the same bytes. Series are told apart by
/// Okabe–Ito colours *and* marker shapes, hatching or direct labels, never colour alone.
/// A missing value (`nil` or not finite) is drawn as its marker word, never as a zero.
///
/// Every data mark is an element with `class="vg-mark"` (a group holding the bar, dot
/// or box and its printed value, with the full label and value as a tooltip), every
/// missing value a `<text class="vg-missing">`: the tests count them, and a page's
/// stylesheet may target them.
public enum SVGChart {}

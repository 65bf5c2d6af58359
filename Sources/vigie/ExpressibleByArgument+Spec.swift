import ArgumentParser
import AuditData
import AuditMetrics
import AuditReport
import RegisterRecords

// The spec's closed sets are the command line's: ArgumentParser checks a value against the
// cases' raw values (the spec's words) and lists them in `--help` and in its error.

extension InferenceSpec.IntervalMethod: ExpressibleByArgument {}
extension InferenceSpec.Adjustment: ExpressibleByArgument {}
extension InferenceSpec.BootstrapMethod: ExpressibleByArgument {}
extension Favourability: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension ReportPaper: ExpressibleByArgument {}
extension RegisterFormat: ExpressibleByArgument {}

extension CSVDelimiter: ExpressibleByArgument {
    /// `,`, `;`, `tab` (or a tab character) or `auto`.
    public init?(argument: String) { self.init(named: argument) }
}

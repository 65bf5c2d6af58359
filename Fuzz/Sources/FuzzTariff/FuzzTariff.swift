import AuditData
import DecisionModels
import FuzzSupport
import Foundation

/// The water tariff's and the drought rule's YAML readers: the input is read as both; a
/// tariff that reads computes bills, a rule restricted volumes, over volumes and household
/// sizes from 0 to the extreme.
@main
enum Main {
    static func main() { runFuzzer { data, count in fuzzTariff(fuzzBytes(data, count)) } }
}

func fuzzTariff(_ input: UnsafeRawBufferPointer) -> CInt {
    guard let text = fuzzText(input) else { return 0 }
    let volumes: [Double] = [0, 1, 14.999, 15, 120, 1e6, 1e300]
    let persons = [0, 1, 4, 1000]
    if let tariff = try? WaterTariff(yaml: text) {
        for volume in volumes {
            for p in persons {
                for meter in MeterType.allCases { _ = tariff.bill(volume: volume, meter: meter, persons: p) }
            }
        }
    }
    if let rule = try? DroughtRule(yaml: text) {
        for volume in volumes {
            for p in persons {
                for level in DroughtLevel.allCases { _ = rule.restrictedVolume(volume: volume, persons: p, level: level) }
            }
        }
    }
    return 0
}

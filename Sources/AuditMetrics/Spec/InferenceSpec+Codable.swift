import AuditData

/// In the file's view the spec's flat keys (`interval`, `level`, … and
/// `bootstrap: {replicates, seed, method}`); in the report's, an object of its own with
/// `bootstrap_replicates`, and `seed` and `bootstrap_method` only when the bootstrap ran.
extension InferenceSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case interval, level, alpha, adjust
        case differenceTolerance = "difference_tolerance"
        case minDenominator = "min_denominator"
        case power, bootstrap
    }

    enum BootstrapKeys: String, CodingKey, CaseIterable {
        case replicates, seed, method
    }

    /// The report view's names for the bootstrap settings, flat beside the others.
    enum ReportKeys: String, CodingKey {
        case bootstrapReplicates = "bootstrap_replicates"
        case seed
        case bootstrapMethod = "bootstrap_method"
    }

    public static var mappingKeys: [String] { CodingKeys.names }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = InferenceSpec()
        self.init(
            interval: try c.decode(IntervalMethod.self, forKey: .interval, default: d.interval),
            level: try c.decode(Double.self, forKey: .level, default: d.level),
            alpha: try c.decode(Double.self, forKey: .alpha, default: d.alpha),
            adjust: try c.decode(Adjustment.self, forKey: .adjust, default: d.adjust),
            differenceTolerance: try c.decode(Double.self, forKey: .differenceTolerance, default: d.differenceTolerance),
            minDenominator: try c.decode(Int.self, forKey: .minDenominator, default: d.minDenominator),
            power: try c.decode(Double.self, forKey: .power, default: d.power)
        )
        if c.contains(.bootstrap) {
            let b = try c.nestedContainer(keyedBy: BootstrapKeys.self, forKey: .bootstrap)
            bootstrapReplicates = try b.decode(Int.self, forKey: .replicates, default: d.bootstrapReplicates)
            seed = try b.decode(UInt64.self, forKey: .seed, default: d.seed)
            bootstrapMethod = try b.decode(BootstrapMethod.self, forKey: .method, default: d.bootstrapMethod)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(interval, forKey: .interval)
        try c.encode(level, forKey: .level)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(adjust, forKey: .adjust)
        try c.encode(differenceTolerance, forKey: .differenceTolerance)
        try c.encode(minDenominator, forKey: .minDenominator)
        try c.encode(power, forKey: .power)
        switch encoder.specView {
        case .file:
            var b = c.nestedContainer(keyedBy: BootstrapKeys.self, forKey: .bootstrap)
            try b.encode(bootstrapReplicates, forKey: .replicates)
            try b.encode(seed, forKey: .seed)
            try b.encode(bootstrapMethod, forKey: .method)
        case .report:
            var r = encoder.container(keyedBy: ReportKeys.self)
            try r.encode(bootstrapReplicates, forKey: .bootstrapReplicates)
            if bootstrapReplicates > 0 {
                try r.encode(seed, forKey: .seed)
                try r.encode(bootstrapMethod, forKey: .bootstrapMethod)
            }
        }
    }
}

/// The joint logistic model of one level of a protected attribute (against the other levels)
/// on all candidate proxies (see ``ProxyDetection``).
public struct ProxyLevelModel: Sendable, Equatable {
    /// The modelled level: `y = 1` for rows of this level, 0 for the other levels.
    public let level: Int32
    /// Rows of the level.
    public let positives: Int
    /// Rows of the other levels.
    public let negatives: Int
    /// The design's column names: `intercept`, each numeric feature's name, and
    /// `name=code` for each dummy of a categorical feature (its lowest observed code is the
    /// baseline and has no column).
    public let terms: [String]
    /// The fit; `fit.auc` is the in-sample AUC of the level given every feature.
    public let fit: LogisticRegressionFit
}

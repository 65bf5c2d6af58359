/// The date columns of the applicants' data (spec `dates:`), used to state the
/// average wait of comparable applications in an explanation (DRIHL: the
/// applicant is told the *durée moyenne d'attente* of similar applications;
/// CCH R441-2-10 5°). Dates are ISO `YYYY-MM-DD`; a missing allocation date
/// means the application has not been allocated.
public struct GridDateColumns: Sendable, Equatable {
    /// Column holding the date the application was filed, e.g. `date_depot`.
    public var application: String
    /// Column holding the allocation date (empty when not allocated), e.g. `date_attribution`.
    public var allocation: String

    public init(application: String, allocation: String) {
        self.application = application
        self.allocation = allocation
    }
}

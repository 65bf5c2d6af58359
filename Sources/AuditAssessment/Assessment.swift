/// A status with the evidence it rests on.
public struct Assessment: Sendable, Equatable {
    public let status: AssessmentStatus
    public let evidence: [Evidence]

    public init(_ status: AssessmentStatus, _ evidence: [Evidence]) {
        self.status = status
        self.evidence = evidence
    }
}

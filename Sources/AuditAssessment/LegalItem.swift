/// One item of the legal checklist: what the text requires (catalogue key `legal.<id>`),
/// the evidence and the status.
public struct LegalItem: Sendable, Equatable {
    /// `crpa_l311_3_1`, `crpa_r311_3_1_2_1`…, `ai_act_27_a`…, `four_fifths`.
    public let id: String
    public let assessment: Assessment

    public init(id: String, assessment: Assessment) {
        self.id = id
        self.assessment = assessment
    }
}

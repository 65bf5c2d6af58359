import Foundation

/// Deterministic generator of synthetic social-housing applications
/// ("demandes de logement social") for Montpellier Méditerranée Métropole,
/// with a cotation score, a ground-truth priority label, a commission
/// decision and an allocation outcome.
///
/// The data are **entirely synthetic** and contain deliberately planted
/// disparities (see `Fixtures/housing/README.md` and the static constants
/// below) so that a fairness audit has something known to find:
///
/// * `lien_commune` is far more frequent for `FR` than for `hors_UE` (a proxy
///   that feeds +5 points into the score);
/// * at equal score, the commission behaves as if its threshold were
///   ``horsUEThresholdPenalty`` points higher for `hors_UE` applicants;
/// * at equal score, it behaves as if the threshold were
///   ``seniorThresholdPenalty`` points higher for applicants aged 66+;
/// * there is **no** direct effect of `sexe` (a false-alarm check).
///
/// Output is fully reproducible: each row is drawn from its own
/// ``SplitMix64`` stream seeded from `(seed, rowIndex)`, so the same seed
/// always gives byte-identical files, and the first *k* rows of an *N*-row
/// file equal a *k*-row file. Rows are streamed through a 1 MiB buffer, so
/// memory stays flat whatever the row count.
public struct HousingGenerator: Sendable, SyntheticCSVGenerator {
    /// The seed that, together with the row index, determines every value.
    public let seed: UInt64

    /// The CSV column names, in output order.
    public static let columns: [String] = HousingSchema.columns

    /// Points-equivalent threshold of the commission: an applicant is proposed
    /// when `score_total + noise − penalties ≥ proposalThreshold`
    /// (noise ~ N(0, ``decisionNoiseSD``²)). Chosen so that ≈ 12 % are proposed.
    public static let proposalThreshold: Double = 91

    /// Standard deviation, in points, of the commission's idiosyncratic noise.
    public static let decisionNoiseSD: Double = 10

    /// Planted commission effect: extra points a `hors_UE` applicant needs
    /// to be proposed, compared with an equally scored applicant.
    public static let horsUEThresholdPenalty: Double = 6

    /// Planted commission effect: extra points an applicant aged 66 or more
    /// needs to be proposed, compared with an equally scored applicant.
    public static let seniorThresholdPenalty: Double = 8

    /// Ancienneté points are +1 per month, capped at this many points.
    public static let ancienneteCap = 60

    /// Creates a generator. Two generators with the same seed produce the same rows.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Writes a header and `rows` data rows to a new (or truncated) file at `url`.
    public func write(rows: Int, to url: URL) throws { try writeRows(rows, to: url) }

    /// Writes a header and `rows` data rows to an open handle (e.g. `FileHandle.standardOutput`); the handle is not closed.
    public func write(rows: Int, to handle: FileHandle) throws { try writeRows(rows, to: handle) }

    /// The header line (`SyntheticCSVGenerator`).
    static var headerBytes: [UInt8] { HousingSchema.headerBytes }

    /// Appends data row `index` (`SyntheticCSVGenerator`).
    func encodeRow(_ index: Int, into out: inout CSVByteBuffer) {
        applicant(at: index).encode(index: index, into: &out)
    }

    /// The independent random stream for row `index`.
    @inline(__always)
    func rowGenerator(_ index: Int) -> SplitMix64 {
        SplitMix64(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(truncatingIfNeeded: index) &+ 0x632B_E59B_D9B4_E019)))
    }

    /// Generates the applicant in row `index` (0-based). Pure function of `(seed, index)`.
    func applicant(at index: Int) -> HousingApplicant {
        typealias S = HousingSchema
        var r = rowGenerator(index)
        var a = HousingApplicant()

        // Seniority: lognormal, median 20 months, right-skewed, 0–180.
        let anc = (20.0 * _exp(0.85 * r.nextNormal())).rounded()
        a.anciennete = Int(min(180, max(0, anc)))
        // Filing year, as of December 2024.
        a.year = (2024 * 12 + 11 - a.anciennete) / 12

        a.commune = r.pick(S.communeCumulative)
        a.typologie = r.pick(S.typologieCumulative)
        a.menage = r.pick(S.menageCumulative)

        let band = r.pick(S.ageBandCumulative)
        if band == 4 {
            let u = r.nextUniform()
            a.age = 66 + Int(u * u * 25)  // 66–90, thinning with age
        } else {
            let lo = Int(S.ageBandStarts[band]), hi = Int(S.ageBandStarts[band + 1])
            a.age = lo + Int(r.next() % UInt64(hi - lo))
        }

        a.female = r.bernoulli(a.menage == S.monoparentale ? 0.85 : 0.50)

        a.nationalite = r.bernoulli(0.01) ? S.unknownNationality : r.pick(S.nationaliteCumulative)

        a.handicap = r.bernoulli(a.age >= 51 ? 0.12 : 0.06)

        let qpvP: Double
        switch a.nationalite {
        case S.fr: qpvP = 0.26
        case S.horsUE: qpvP = 0.45
        default: qpvP = 0.30
        }
        a.qpv = r.bernoulli(qpvP)

        // Income: lognormal around 1 100 €/month, lower for hors_UE.
        let natIncome: Double
        switch a.nationalite {
        case S.fr: natIncome = 1.03
        case S.horsUE: natIncome = 0.88
        default: natIncome = 1.0
        }
        let income = max(50.0, 1100.0 * natIncome * _exp(0.55 * r.nextNormal()))
        let incomeMissing = r.bernoulli(0.005)
        a.revenuCents = incomeMissing ? -1 : Int((income * 100).rounded())

        a.situation = r.pick(S.situationCumulative)

        // Effort rate: housing cost / income for people paying rent or a loan.
        let effort: Double
        let costNoise = r.nextNormal()
        let u = r.nextUniform()
        switch a.situation {
        case S.locatairePrive: effort = 520 * _exp(0.35 * costNoise) / income
        case S.locataireSocial: effort = 330 * _exp(0.35 * costNoise) / income
        case S.proprietaire: effort = 450 * _exp(0.35 * costNoise) / income
        case S.foyer, S.hotel: effort = 0.05 + 0.20 * u
        default: effort = 0.08 * u
        }
        a.effortMilli = Int((min(0.9, max(0, effort)) * 1000).rounded())

        let tenant = a.situation == S.locatairePrive || a.situation == S.locataireSocial
        a.menace = r.bernoulli(tenant ? 0.08 : 0)

        let indigneP: Double
        switch a.situation {
        case S.locatairePrive: indigneP = 0.10
        case S.proprietaire: indigneP = 0.08
        case S.locataireSocial: indigneP = 0.03
        default: indigneP = 0
        }
        a.indigne = r.bernoulli(indigneP)

        let housed = tenant || a.situation == S.proprietaire
            || a.situation == S.hebergeTiers || a.situation == S.hebergeFamille
        let bigFamily = a.menage == S.coupleEnfants || a.menage == S.monoparentale
        a.suroccupation = r.bernoulli(housed ? (bigFamily ? 0.25 : 0.07) : 0)

        a.violences = r.bernoulli(a.female ? 0.045 : 0.02)

        let street = a.situation == S.sansAbri || a.situation == S.hotel
        a.dalo = r.bernoulli(0.01 + (street ? 0.15 : 0) + (a.menace ? 0.10 : 0))

        // Planted proxy: local ties are much rarer for hors_UE applicants.
        let lienP: Double
        switch a.nationalite {
        case S.fr: lienP = 0.70
        case S.ue: lienP = 0.50
        case S.horsUE: lienP = 0.30
        default: lienP = 0.55
        }
        a.lien = r.bernoulli(lienP)

        a.refus = r.bernoulli(0.06)

        // Cotation score (docs/domain.md §7.1 illustrative grid; caps documented in README).
        var score = min(a.anciennete, HousingGenerator.ancienneteCap)
        if a.anciennete > 36 { score += 20 }
        if a.dalo { score += 50 }
        if a.menace { score += 20 }
        if a.menage == S.monoparentale { score += 5 }
        if a.effortMilli > 300 { score += 10 }
        if a.situation == S.sansAbri { score += 30 }
        if S.isHosted(a.situation) { score += 15 }
        if a.violences { score += 30 }
        if a.handicap { score += 20 }
        if a.suroccupation { score += 15 }
        if a.indigne { score += 25 }
        if a.lien { score += 5 }
        if a.refus { score -= 20 }
        a.score = max(0, score)

        // Ground truth: priority need confirmed later by a social worker.
        // Depends on the objective need criteria (not on seniority, local
        // ties or any protected attribute) plus unobserved need.
        var logit = -2.6
        if a.dalo { logit += 2.5 }
        if a.situation == S.sansAbri { logit += 2.2 }
        if a.violences { logit += 1.8 }
        if a.menace { logit += 1.3 }
        if a.indigne { logit += 1.1 }
        if a.handicap { logit += 0.9 }
        if S.isHosted(a.situation) { logit += 0.8 }
        if a.suroccupation { logit += 0.7 }
        if a.effortMilli > 300 { logit += 0.5 }
        if a.menage == S.monoparentale { logit += 0.4 }
        logit += 0.6 * r.nextNormal()
        a.besoin = r.nextUniform() < 1.0 / (1.0 + _exp(-logit))

        // Commission decision: thresholded score with noise and planted penalties.
        var effective = Double(a.score) + HousingGenerator.decisionNoiseSD * r.nextNormal()
        if a.nationalite == S.horsUE { effective -= HousingGenerator.horsUEThresholdPenalty }
        if a.age >= 66 { effective -= HousingGenerator.seniorThresholdPenalty }
        a.propose = effective >= HousingGenerator.proposalThreshold

        // Allocation: mostly among proposed; a few direct allocations otherwise.
        a.attribue = r.bernoulli(a.propose ? 0.76 : 0.003)

        // Dates, from a separate stream so that the columns above never change.
        var d = dateGenerator(index)
        let filingMonth = HousingDates.snapshotMonth - a.anciennete
        a.depotDay = HousingDates.firstDay(ofMonth: filingMonth)
            + Int(d.next() % UInt64(HousingDates.daysIn(month: filingMonth)))
        let allocationDraw = HousingDates.allocationStart + Int(d.next() % UInt64(HousingDates.allocationWindowDays))
        a.attributionDay = a.attribue ? allocationDraw : nil
        return a
    }

    /// The independent random stream for the dates of row `index` (another salt than
    /// ``rowGenerator(_:)``, so adding the dates left every earlier column unchanged).
    @inline(__always)
    func dateGenerator(_ index: Int) -> SplitMix64 {
        SplitMix64(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(truncatingIfNeeded: index) &+ 0x0DA7_E5D0_0C0F_FEE5)) ^ 0x5EED_DA7E)
    }
}

/// One synthetic application, with categorical fields stored as schema indices.
struct HousingApplicant {
    var year = 2024
    var anciennete = 0
    var commune = 0
    var typologie = 0
    var menage = 0
    var age = 18
    var female = false
    var nationalite = 0
    var handicap = false
    var qpv = false
    /// Monthly income in cents; −1 means missing (`NA`).
    var revenuCents = 0
    var effortMilli = 0
    var situation = 0
    var dalo = false
    var menace = false
    var violences = false
    var suroccupation = false
    var indigne = false
    var lien = false
    var refus = false
    var score = 0
    var besoin = false
    var propose = false
    var attribue = false
    /// Filing date (`date_depot`), days since 1970-01-01.
    var depotDay = 0
    /// Allocation date (`date_attribution`), days since 1970-01-01; `nil` when not allocated.
    var attributionDay: Int?

    /// Appends this applicant as one CSV line (with trailing LF).
    @inline(__always)
    func encode(index: Int, into out: inout CSVByteBuffer) {
        typealias S = HousingSchema
        out.append("034-")
        out.append(unsigned: UInt64(year), minDigits: 4)
        out.append(byte: UInt8(ascii: "-"))
        out.append(unsigned: UInt64(index + 1), minDigits: 6)
        out.comma(); out.append(int: anciennete)
        out.comma(); out.append(S.commune(commune))
        out.comma(); out.append(S.typologie(typologie))
        out.comma(); out.append(S.menage(menage))
        out.comma(); out.append(int: age)
        out.comma(); out.append(byte: female ? UInt8(ascii: "F") : UInt8(ascii: "M"))
        out.comma(); out.append(S.nationalite(nationalite))
        out.comma(); out.append(ouiNon: handicap)
        out.comma(); out.append(ouiNon: qpv)
        out.comma()
        if revenuCents < 0 { out.append("NA") } else { out.append(fixed: revenuCents, decimals: 2) }
        out.comma(); out.append(fixed: effortMilli, decimals: 3)
        out.comma(); out.append(S.situation(situation))
        out.comma(); out.append(ouiNon: dalo)
        out.comma(); out.append(ouiNon: menace)
        out.comma(); out.append(ouiNon: violences)
        out.comma(); out.append(ouiNon: suroccupation)
        out.comma(); out.append(ouiNon: indigne)
        out.comma(); out.append(ouiNon: lien)
        out.comma(); out.append(ouiNon: refus)
        out.comma(); out.append(int: score)
        out.comma(); out.append(flag: besoin)
        out.comma(); out.append(flag: propose)
        out.comma(); out.append(flag: attribue)
        out.comma(); out.append(isoDate: depotDay)
        out.comma()
        if let attributionDay { out.append(isoDate: attributionDay) }
        out.newline()
    }
}

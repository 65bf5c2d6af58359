/// Category labels and sampling weights for the synthetic housing applicants.
///
/// Labels are `StaticString`s selected by `switch` and weights are SIMD
/// vectors of *cumulative* per-mille thresholds, so the hot loop never
/// touches reference-counted storage. Everything is ordered (no dictionary),
/// so sampling is deterministic.
enum HousingSchema {
    /// CSV header, in output order.
    static let columns: [String] = [
        "demande_id", "anciennete_mois", "commune_souhaitee", "typologie", "type_menage",
        "age", "sexe", "nationalite", "handicap", "residence_qpv", "revenu_mensuel",
        "taux_effort", "situation_logement", "dalo", "menace_expulsion", "violences",
        "suroccupation", "logement_indigne", "lien_commune", "refus_offre", "score_total",
        "besoin_prioritaire", "propose_caleol", "attribue", "date_depot", "date_attribution",
    ]

    static let headerBytes: [UInt8] = Array((columns.joined(separator: ",") + "\n").utf8)

    // MARK: communes — real members of Montpellier Méditerranée Métropole (UTF-8)

    /// Per mille: 600, 80, 70, 60, 50, 40, 40, 30, 30.
    static var communeCumulative: SIMD16<Int32> {
        [600, 680, 750, 810, 860, 900, 940, 970, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]
    }
    static func commune(_ i: Int) -> StaticString {
        switch i {
        case 0: "Montpellier"
        case 1: "Castelnau-le-Lez"
        case 2: "Lattes"
        case 3: "Saint-Jean-de-Védas"
        case 4: "Juvignac"
        case 5: "Pérols"
        case 6: "Grabels"
        case 7: "Le Crès"
        default: "Villeneuve-lès-Maguelone"
        }
    }

    // MARK: typologie — T1..T5 25/30/25/15/5 %

    static var typologieCumulative: SIMD8<Int32> { [250, 550, 800, 950, 1000, 1000, 1000, 1000] }
    static func typologie(_ i: Int) -> StaticString {
        switch i {
        case 0: "T1"
        case 1: "T2"
        case 2: "T3"
        case 3: "T4"
        default: "T5"
        }
    }

    // MARK: type_menage — 48/20/20/10/2 %

    static let personneSeule = 0, monoparentale = 1, coupleEnfants = 2, couple = 3, autre = 4
    static var menageCumulative: SIMD8<Int32> { [480, 680, 880, 980, 1000, 1000, 1000, 1000] }
    static func menage(_ i: Int) -> StaticString {
        switch i {
        case 0: "personne_seule"
        case 1: "monoparentale"
        case 2: "couple_enfants"
        case 3: "couple"
        default: "autre"
        }
    }

    // MARK: nationalite — FR/UE/hors_UE 75/5/20 % of the non-missing rows

    static let fr = 0, ue = 1, horsUE = 2, unknownNationality = 3
    static var nationaliteCumulative: SIMD4<Int32> { [750, 800, 1000, 1000] }
    static func nationalite(_ i: Int) -> StaticString {
        switch i {
        case 0: "FR"
        case 1: "UE"
        case 2: "hors_UE"
        default: ""  // missing → the audit's explicit `unknown` group
        }
    }

    // MARK: age bands — 18–25 / 26–35 / 36–50 / 51–65 / 66–90: 12/25/33/20/10 %

    static var ageBandCumulative: SIMD8<Int32> { [120, 370, 700, 900, 1000, 1000, 1000, 1000] }
    static var ageBandStarts: SIMD8<Int32> { [18, 26, 36, 51, 66, 91, 91, 91] }

    // MARK: situation_logement — 35/30/10/12/4/2/3/4 %

    static let locatairePrive = 0, locataireSocial = 1, hebergeTiers = 2, hebergeFamille = 3
    static let foyer = 4, hotel = 5, sansAbri = 6, proprietaire = 7
    static var situationCumulative: SIMD8<Int32> { [350, 650, 750, 870, 910, 930, 960, 1000] }
    static func situation(_ i: Int) -> StaticString {
        switch i {
        case 0: "locataire_prive"
        case 1: "locataire_social"
        case 2: "heberge_tiers"
        case 3: "heberge_famille"
        case 4: "foyer"
        case 5: "hotel"
        case 6: "sans_abri"
        default: "proprietaire"
        }
    }

    /// Whether a situation earns the "hébergé" points (+15).
    @inline(__always)
    static func isHosted(_ situation: Int) -> Bool {
        situation == hebergeTiers || situation == hebergeFamille || situation == foyer || situation == hotel
    }
}

extension SplitMix64 {
    /// Draws an index from cumulative per-mille thresholds (last real lane = 1000;
    /// padding lanes, if any, must also be 1000 and are never reached).
    @inline(__always)
    mutating func pick<V: SIMD>(_ cumulative: V) -> Int where V.Scalar == Int32 {
        let u = Int32(truncatingIfNeeded: next() % 1000)
        for i in 0..<cumulative.scalarCount where u < cumulative[i] {
            return i
        }
        return cumulative.scalarCount - 1
    }
}

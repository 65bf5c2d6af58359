import AuditAssessment
@testable import AuditReport
import Foundation
import Testing

/// `vigie diff --fail-on-new-disparity`: exit 1 only for a finding that newly has the verdict
/// `disparity` or an existing disparity whose gap grew by more than the threshold.
@Suite(.serialized) final class DiffGateTests {
    let scratch = Scratch()

    static func f(_ group: String, _ value: Double?, _ verdict: String, kind: String = "difference") -> AuditDiff.Finding {
        AuditDiff.Finding(attribute: "sexe", group: group, reference: "M", metric: "selection_rate", kind: kind, value: value, verdict: verdict)
    }

    @Test func regressionsAreNewOrGrownDisparities() throws {
        let old = AuditDiff.Audit(folder: "old", dataFile: "a.csv", rows: 10, vigieVersion: "0.1.0", findings: [
            Self.f("known", -0.10, "disparity"),          // known, same gap: tracked, not a regression
            Self.f("known_shrank", -0.20, "disparity"),   // known, smaller gap
            Self.f("known_grew", -0.10, "disparity"),     // known, gap +0.05
            Self.f("known_grew_a_little", -0.10, "disparity"),  // known, gap +0.005 (within the threshold)
            Self.f("became", 0.02, "insufficient_evidence"),    // now a disparity
            Self.f("was_no", 0.01, "no_disparity"),       // now a disparity, gap moved within the threshold
            Self.f("lost", -0.12, "disparity"),           // no longer a disparity
            Self.f("undefined", nil, "insufficient_evidence"),  // became defined, a disparity
            Self.f("grew_no_verdict", 0.02, "insufficient_evidence"),  // grew, still not a disparity
            Self.f("ratio", 0.7, "disparity", kind: "ratio"),   // |ln| grows from 0.357 to 0.693
            Self.f("vanished", -0.3, "disparity"),
        ])
        let new = AuditDiff.Audit(folder: "new", dataFile: "b.csv", rows: 10, vigieVersion: "0.1.0", findings: [
            Self.f("known", -0.10, "disparity"), Self.f("known_shrank", -0.15, "disparity"), Self.f("known_grew", -0.15, "disparity"),
            Self.f("known_grew_a_little", -0.105, "disparity"), Self.f("became", 0.12, "disparity"), Self.f("was_no", 0.015, "disparity"),
            Self.f("lost", -0.14, "insufficient_evidence"), Self.f("undefined", 0.2, "disparity"), Self.f("grew_no_verdict", 0.2, "insufficient_evidence"),
            Self.f("ratio", 0.5, "disparity", kind: "ratio"), Self.f("appeared", 0.3, "disparity"), Self.f("appeared_fine", 0.0, "no_disparity"),
        ])
        let r = try AuditDiff.compare(old: old, new: new, threshold: 0.01)
        let found = Dictionary(uniqueKeysWithValues: AuditDiff.regressions(r).map { ($0.row.key.group, $0.regression) })
        #expect(found == [
            "known_grew": .disparityGrew, "became": .newDisparity, "was_no": .newDisparity, "undefined": .newDisparity,
            "ratio": .disparityGrew, "appeared": .newDisparity, "lost": .disparityGrew,
        ])
        // A larger threshold lets the grown disparities through; new ones still count.
        let lax = try AuditDiff.compare(old: old, new: new, threshold: 0.5)
        #expect(Set(AuditDiff.regressions(lax).map(\.row.key.group)) == ["became", "was_no", "undefined", "appeared"])
        // Against itself, nothing.
        #expect(AuditDiff.regressions(try AuditDiff.compare(old: new, new: new, threshold: 0.01)).isEmpty)
    }

    /// Writes an audit folder holding only `findings.csv` (all `vigie diff` needs).
    func folder(_ rows: [(group: String, value: String, verdict: String)]) throws -> URL {
        let url = scratch.folder()
        var csv = "attribute,group,reference,metric,kind,value,ci_low,ci_high,p_value,p_adjusted,verdict,reason\n"
        for r in rows { csv += "sexe,\(r.group),M,selection_rate,difference,\(r.value),,,,,\(r.verdict),why\n" }
        try Data(csv.utf8).write(to: url.appendingPathComponent("findings.csv"))
        return url
    }

    func diff(_ old: URL, _ new: URL, _ extra: [String] = []) throws -> CLI.Output {
        try CLI.run(["diff", old.path, new.path, "--out", scratch.folder().path, "--quiet", "--fail-on-new-disparity"] + extra)
    }

    @Test func exitCodesBothWays() throws {
        let published = try folder([("F", "-0.10", "disparity"), ("X", "0.01", "no_disparity")])
        // The same disparity, tracked: exit 0.
        #expect(try diff(published, try folder([("F", "-0.10", "disparity"), ("X", "0.012", "no_disparity")])).status == 0)
        // It shrank: exit 0; it lost the verdict: exit 0.
        #expect(try diff(published, try folder([("F", "-0.08", "disparity"), ("X", "0.01", "no_disparity")])).status == 0)
        #expect(try diff(published, try folder([("F", "-0.10", "insufficient_evidence"), ("X", "0.01", "no_disparity")])).status == 0)
        // A new disparity: exit 1, named on standard error; the diff is written all the same.
        let out = scratch.folder()
        let newOne = try CLI.run(["diff", published.path, try folder([("F", "-0.10", "disparity"), ("X", "0.09", "disparity")]).path,
                                  "--out", out.path, "--quiet", "--fail-on-new-disparity"])
        #expect(newOne.status == 1)
        #expect(newOne.stderr.contains("1 new or grown disparity (--fail-on-new-disparity): sexe=X (selection_rate difference, new)"), "\(newOne.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("diff.csv").path))
        // A new group with a disparity: exit 1.
        #expect(try diff(published, try folder([("F", "-0.10", "disparity"), ("X", "0.01", "no_disparity"), ("Y", "0.2", "disparity")])).status == 1)
        // The known disparity grew by 0.03: exit 1 at the default threshold 0.01, 0 at 0.05.
        let grown = try folder([("F", "-0.13", "disparity"), ("X", "0.01", "no_disparity")])
        let run = try diff(published, grown)
        #expect(run.status == 1 && run.stderr.contains("sexe=F (selection_rate difference, grew)"), "\(run.stderr)")
        #expect(try diff(published, grown, ["--threshold", "0.05"]).status == 0)
        // Without the flag, a diff always exits 0.
        #expect(try CLI.run(["diff", published.path, grown.path, "--out", scratch.folder().path, "--quiet"]).status == 0)
    }
}

import Foundation

/// Builds a register record from an audit folder (`docs/register.md`).
public enum RegisterRecord {
    /// The record's files (name and content) for `format`, from the audit in `folder` and
    /// the owner's `declarations`. Nothing is written here: the caller writes all files or
    /// none.
    ///
    /// - Throws: `RegisterError` when the folder is not a Vigie audit, its report has another
    ///   schema version or was changed after the audit, or a field the format requires is
    ///   neither in the system card nor in the declarations, or a value breaks the format's
    ///   rules (Dutch register: length, choices, dates, addresses).
    ///
    /// - Parameter inputsFolder: where the audit's decision model is looked up by its
    ///   recorded name, and only there (`vigie register --inputs DIR`, as `vigie verify`).
    public static func files(_ format: RegisterFormat, folder: String, declarations: RegisterDeclarations = RegisterDeclarations(),
                             inputsFolder: String? = nil) throws(RegisterError) -> [(name: String, data: Data)] {
        let audit = try AuditFolder.read(folder)
        let grid = audit.modelInput.map { GridRules.load($0, folder: folder, inputsFolder: inputsFolder) }
        let inputs = RegisterInputs(folder: audit, grid: grid, format: format, declarations: declarations)
        do {
            switch format {
            case .etalab:
                let record = try EtalabInventory(inputs)
                return [("register-etalab.csv", Data(record.csv().utf8))]
            case .atrs:
                let record = try TransparencyRecord(inputs)
                return [("register-atrs.json", try record.json()), ("register-atrs.md", Data(record.markdown().utf8))]
            case .nl:
                let record = try DutchRegisterRecord(inputs)
                return [("register-nl.json", try record.json()), ("register-nl-sources.json", try record.sourcesJSON())]
            }
        } catch let error as RegisterError {
            throw error
        } catch {
            throw RegisterError(.sentence(.registerEncode, arguments: ["register": "\(format.title)", "reason": "\(error)"]))
        }
    }
}

import Foundation

/// The session file beside the read-state file: read at start, replaced atomically at quit and with each
/// read-state save. It is separate from the state file so its format can change on its own, and it is
/// only comfort: a missing, damaged or newer file reads as nothing, without a message.
public struct SessionFile: Sendable {
    public let path: String
    /// Larger than any session this build writes (200 stories of folds): anything bigger is not ours.
    static let largest = 4 << 20

    public init(path: String) { self.path = path }

    /// `session.json` in the state file's folder for the default state file; `FILE.session.json` for
    /// `--state FILE`, so two state files in one folder keep two sessions.
    public init(statePath: String, given: Bool) {
        if given {
            path = statePath + ".session.json"
        } else {
            let folder = (statePath as NSString).deletingLastPathComponent
            path = (folder.isEmpty ? "." : folder) + "/session.json"
        }
    }

    /// The saved session, or nil when there is none that this build can use.
    public func load() -> SavedSession? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.largest + 1), data.count <= Self.largest else { return nil }
        // The version is looked at first: a newer file may have changed any other field.
        struct Version: Decodable { var version: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data),
              version.version == SavedSession.currentVersion else { return nil }
        return try? JSONDecoder().decode(SavedSession.self, from: data)
    }

    /// Replaces the file atomically (a crash leaves the old session or the new one, never a mix).
    public func save(_ session: SavedSession) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(session), to: path)
    }
}

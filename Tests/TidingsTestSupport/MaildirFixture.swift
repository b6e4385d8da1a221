import Foundation

/// A Maildir a test writes messages into: `md/` with its `cur/`, `new/` and `tmp/` in the folder given.
public struct MaildirFixture {
    public let folder: URL

    public init(in folder: URL) throws {
        self.folder = folder
        for name in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("md/\(name)"), withIntermediateDirectories: true)
        }
    }

    /// Writes a message file into `cur/`.
    public func write(_ name: String, _ text: String) throws {
        try write(name, bytes: Array(text.utf8))
    }

    public func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent("md/cur/\(name)"))
    }
}

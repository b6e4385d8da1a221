/// One file's bytes with its path, for importers that read several files as one source (a thread of
/// messages saved one per file, items of one discussion saved one per file).
public struct FileContents: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

import Foundation

/// A file format Tidings can read stories from; the loader asks each registered format in turn.
public protocol DocumentFormat: Sendable {
    /// Short name shown in `dump` output and problem messages.
    var name: String { get }
    /// Whether this format should parse the file, judged from its name and first bytes.
    func accepts(path: String, prefix: ArraySlice<UInt8>) -> Bool
    /// Parses a whole file into stories; throws `DocumentError` when the file is not usable.
    func parse(_ bytes: [UInt8], path: String) throws -> [Story]
    /// The list entries for a file: what the story list needs, with unread counts against `readState`.
    func entries(_ bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry]
}

extension DocumentFormat {
    /// Formats without a faster path parse in full and summarize.
    public func entries(_ bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry] {
        try parse(bytes, path: path).map { StoryEntry(story: $0, readState: readState) }
    }
}

/// Why a file could not be turned into stories; the message names the problem, the caller names the file.
public struct DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The formats Tidings knows, in the order they are tried.
public struct FormatRegistry: Sendable {
    public var formats: [any DocumentFormat]

    public init(formats: [any DocumentFormat]) { self.formats = formats }

    /// Every format this build ships with.
    public static let standard = FormatRegistry(formats: [NativeFormat()])

    public func parse(_ bytes: [UInt8], path: String) throws -> [Story] {
        try format(for: bytes, path: path).parse(bytes, path: path)
    }

    public func entries(_ bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry] {
        try format(for: bytes, path: path).entries(bytes, path: path, readState: readState)
    }

    private func format(for bytes: [UInt8], path: String) throws -> any DocumentFormat {
        let prefix = bytes.prefix(4096)
        guard let format = formats.first(where: { $0.accepts(path: path, prefix: prefix) }) else {
            throw DocumentError("not a document in any known format")
        }
        return format
    }
}

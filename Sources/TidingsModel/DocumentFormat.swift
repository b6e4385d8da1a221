import Foundation

/// A file format Tidings can read stories from; the loader asks each registered format in turn.
public protocol DocumentFormat: Sendable {
    /// Short name shown in `dump` output and problem messages.
    var name: String { get }
    /// Whether this format should parse the file, judged from its name and first bytes.
    func accepts(path: String, prefix: ArraySlice<UInt8>) -> Bool
    /// Why a file found in a folder is not meant for this format, or nil when it may be: judged from its name
    /// and, when `prefix` is given, its first bytes (without it, nil means "read it and ask again"). A file no
    /// format wants is skipped quietly, not reported as a problem. Files the user named are not asked.
    func skipReason(path: String, prefix: ArraySlice<UInt8>?) -> String?
    /// Parses a whole file into stories; throws `DocumentError` when the file is not usable.
    func parse(_ bytes: [UInt8], path: String) throws -> [Story]
    /// The list entries for a file: what the story list needs, with unread counts against `readState`.
    func entries(_ bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry]
}

extension DocumentFormat {
    /// Formats that do not judge names want every file.
    public func skipReason(path: String, prefix: ArraySlice<UInt8>?) -> String? { nil }

    /// Formats without a faster path parse in full and summarize.
    public func entries(_ bytes: [UInt8], path: String, readState: ReadState) throws -> [StoryEntry] {
        try parse(bytes, path: path).map { StoryEntry(story: $0, readState: readState) }
    }
}

/// Why a file could not be turned into stories; the message names the problem, the caller names the file.
public struct DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The file is not meant to be a story at all (skipped), rather than a story that failed.
    public var isNotAStory: Bool
    public init(_ message: String, isNotAStory: Bool = false) {
        self.message = message
        self.isNotAStory = isNotAStory
    }
    public var description: String { message }
}

/// The formats Tidings knows, in the order they are tried.
public struct FormatRegistry: Sendable {
    public var formats: [any DocumentFormat]

    public init(formats: [any DocumentFormat]) { self.formats = formats }

    /// Every format this build ships with.
    public static let standard = FormatRegistry(formats: [NativeFormat()])

    /// `named`: the user named the file, so its name does not decide whether it is a story (see `skipReason`).
    public func parse(_ bytes: [UInt8], path: String, named: Bool = true) throws -> [Story] {
        try format(for: bytes, path: path, named: named).parse(bytes, path: path)
    }

    public func entries(_ bytes: [UInt8], path: String, readState: ReadState, named: Bool = true) throws -> [StoryEntry] {
        try format(for: bytes, path: path, named: named).entries(bytes, path: path, readState: readState)
    }

    /// Why no format wants a file found in a folder, or nil when one may (see `DocumentFormat.skipReason`).
    public func skipReason(path: String, prefix: ArraySlice<UInt8>?) -> String? {
        var first: String?
        for format in formats {
            guard let reason = format.skipReason(path: path, prefix: prefix) else { return nil }
            if first == nil { first = reason }
        }
        return first ?? "not a story"
    }

    private func format(for bytes: [UInt8], path: String, named: Bool) throws -> any DocumentFormat {
        let prefix = bytes.prefix(4096)
        var candidates = formats[...]
        if !named {
            candidates = candidates.filter { $0.skipReason(path: path, prefix: prefix) == nil }
            if candidates.isEmpty {
                throw DocumentError(skipReason(path: path, prefix: prefix) ?? "not a story", isNotAStory: true)
            }
        }
        guard let format = candidates.first(where: { $0.accepts(path: path, prefix: prefix) }) else {
            throw DocumentError("not a document in any known format")
        }
        return format
    }
}

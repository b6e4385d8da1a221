import Foundation

/// A file format Tidings can read stories from; the loader asks each registered format in turn.
public protocol DocumentFormat: Sendable {
    /// Short name shown in `dump` output and problem messages.
    var name: String { get }
    /// Whether this format should parse the file, judged from its name and first bytes.
    func accepts(path: String, prefix: ArraySlice<UInt8>) -> Bool
    /// Parses a whole file into stories; throws `DocumentError` when the file is not usable.
    func parse(_ bytes: [UInt8], path: String) throws -> [Story]
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
        let prefix = bytes.prefix(4096)
        guard let format = formats.first(where: { $0.accepts(path: path, prefix: prefix) }) else {
            throw DocumentError("not a document in any known format")
        }
        return try format.parse(bytes, path: path)
    }
}

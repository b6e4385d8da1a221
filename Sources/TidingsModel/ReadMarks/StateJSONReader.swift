/// A small JSON reader for the state file: one pass over the bytes, no intermediate objects, so a
/// 100,000-story state loads in a fraction of the time a general JSON parser needs. It accepts any
/// valid JSON layout (whitespace, key order, unknown keys) and rejects anything malformed.
import Foundation

struct StateJSONReader {
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Whether a story entry that cannot be read is passed over (and counted) instead of failing the file:
    /// to keep what can be kept of a file already set aside.
    private var salvaging = false
    private(set) var skippedStories = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The stories of a file `decode` refused for some of its entries, those entries left out, and how many
    /// they were; nil when the file is damaged beyond its entries (not JSON, no stories, another version).
    static func salvage(_ bytes: UnsafeBufferPointer<UInt8>) -> (state: ReadState, skipped: Int)? {
        var skipped = 0
        guard let state = try? decode(bytes, salvaging: true, skipped: &skipped), skipped > 0 else { return nil }
        return (state, skipped)
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> ReadState {
        var skipped = 0
        return try decode(bytes, salvaging: false, skipped: &skipped)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, salvaging: Bool, skipped: inout Int) throws -> ReadState {
        // First pass: only the version, so a newer file is recognized whatever its stories look like.
        var scout = StateJSONReader(bytes)
        var declared: Int?
        // It stops at the version: Tidings writes it first, so this costs nothing on our own files.
        struct Found: Error {}
        try? scout.object { reader, key in
            guard key == "version" else { return try reader.skipValue() }
            declared = try reader.integer()
            throw Found()
        }
        if let declared, declared > ReadStateCoding.version {
            throw unknownVersion(declared)
        }
        var reader = StateJSONReader(bytes)
        reader.salvaging = salvaging
        defer { skipped = reader.skippedStories }
        var version: Int?
        var stories: [String: ReadState.StoryMarks]?
        var legacy: [String: ReadState.StoryMarks]?
        var undo: [UndoStep] = []
        try reader.object { reader, key in
            switch key {
            case "version": version = try reader.integer()
            case "stories": stories = try reader.entries()
            // Version 1 had no such key: there, like any unknown key, it is skipped.
            case "legacy" where declared != 1: legacy = try reader.entries()
            case "undo" where declared != 1: undo = try reader.undoSteps()
            default: try reader.skipValue()
            }
        }
        reader.skipSpace()
        guard reader.index == bytes.count else { throw ReadStateCoding.DecodeError(description: "not valid JSON") }
        guard let version else { throw ReadStateCoding.DecodeError(description: "no version field") }
        guard (ReadStateCoding.oldestReadableVersion...ReadStateCoding.version).contains(version) else {
            throw unknownVersion(version)
        }
        guard let stories else { throw ReadStateCoding.DecodeError(description: "no stories object") }
        // Version-1 entries are keyed by version-1 ids: all of them wait in the legacy table for their story.
        if version == 1 { return ReadState(legacy: stories.filter { !$0.value.isEmpty }) }
        // An empty entry says the story is unread (`ReadState.store`): it is kept.
        return ReadState(stories: stories, legacy: (legacy ?? [:]).filter { !$0.value.isEmpty }, undoSteps: undo)
    }

    private static func unknownVersion(_ version: Int) -> ReadStateCoding.DecodeError {
        ReadStateCoding.DecodeError(
            description: "version \(version) is not understood by this build "
                + "(it reads versions \(ReadStateCoding.oldestReadableVersion) to \(ReadStateCoding.version))",
            newerVersion: version > ReadStateCoding.version ? version : nil)
    }

    /// A table of entries keyed by story id: `stories`, or `legacy` (the same shape).
    private mutating func entries() throws -> [String: ReadState.StoryMarks] {
        var result: [String: ReadState.StoryMarks] = [:]
        try object { reader, id in
            guard reader.salvaging else { return result[id] = try reader.storyMarks(id) }
            let start = reader.index
            do {
                result[id] = try reader.storyMarks(id)
            } catch is ReadStateCoding.DecodeError {
                reader.index = start
                try reader.skipValue()
                reader.skippedStories += 1
            }
        }
        return result
    }

    /// One story's entry: `{"read": true, "comments": "…", "client": {"read": true, "comments": "…"}}`,
    /// the last (a mail story's client marks already taken) in the same shape, not nested further.
    private mutating func storyMarks(_ id: String, inEntry: Bool = true) throws -> ReadState.StoryMarks {
        var marks = ReadState.StoryMarks()
        skipSpace()
        guard let next = peek() else { throw Malformed() }
        guard next == UInt8(ascii: "{") else {
            throw ReadStateCoding.DecodeError(description: inEntry ? "story \(id) is not an object" : "story \(id) has a malformed client field")
        }
        try object { reader, key in
            switch key {
            case "read":
                guard let value = try reader.boolean() else { throw ReadStateCoding.DecodeError(description: "story \(id) has a malformed read field") }
                marks.isRead = value
            case "comments":
                marks.readComments = try reader.packedCommentIDs(story: id)
            case "client" where inEntry:
                let taken = try reader.storyMarks(id, inEntry: false)
                marks.takenFromClient = ClientMarks(story: taken.isRead, comments: taken.readComments)
            default: try reader.skipValue()
            }
        }
        return marks
    }

    /// The undo list: an array of steps (see `ReadStateCoding`), oldest first. A malformed step makes the
    /// file malformed, as a malformed mark does: it is set aside, never rewritten without it.
    private mutating func undoSteps() throws -> [UndoStep] {
        var steps: [UndoStep] = []
        try array { reader in
            var command: String?
            var stories: [String: UndoStep.Restore]?
            reader.skipSpace()
            guard reader.peek() == UInt8(ascii: "{") else { throw ReadStateCoding.DecodeError(description: "an undo step is not an object") }
            try reader.object { reader, key in
                switch key {
                case "command":
                    reader.skipSpace()
                    command = try reader.string()
                case "stories": stories = try reader.undoRestores()
                default: try reader.skipValue()
                }
            }
            guard let command, let stories else { throw ReadStateCoding.DecodeError(description: "an undo step is malformed") }
            steps.append(UndoStep(command: command, stories: stories))
        }
        return steps
    }

    private mutating func undoRestores() throws -> [String: UndoStep.Restore] {
        var result: [String: UndoStep.Restore] = [:]
        try object { reader, id in
            var restore = UndoStep.Restore()
            reader.skipSpace()
            guard reader.peek() == UInt8(ascii: "{") else { throw ReadStateCoding.DecodeError(description: "an undo step for \(id) is not an object") }
            try reader.object { reader, key in
                switch key {
                case "read":
                    guard let value = try reader.boolean() else { throw ReadStateCoding.DecodeError(description: "an undo step for \(id) has a malformed read field") }
                    restore.read = value
                case "comments": restore.readComments = try reader.packedCommentIDs(story: id).sorted
                case "unread": restore.unreadComments = try reader.packedCommentIDs(story: id).sorted
                default: try reader.skipValue()
                }
            }
            result[id] = restore
        }
        return result
    }

    /// Six-character ids back to back in one string, with no escapes (base64url needs none).
    private mutating func packedCommentIDs(story: String) throws -> CommentIDSet {
        skipSpace()
        guard peek() == UInt8(ascii: "\"") else { throw ReadStateCoding.DecodeError(description: "story \(story) has a malformed comments field") }
        index += 1
        let width = CommentID.characterCount
        guard let base = bytes.baseAddress, let close = memchr(base + index, 0x22, bytes.count - index) else { throw Malformed() }
        let end = UnsafePointer<UInt8>(close.assumingMemoryBound(to: UInt8.self)) - base
        guard (end - index) % width == 0 else {
            throw ReadStateCoding.DecodeError(description: "story \(story) has a malformed comments field")
        }
        var ids = [CommentID]()
        ids.reserveCapacity((end - index) / width)
        let table = Base64URL.digitTable
        while index < end {
            var value: UInt64 = 0
            var invalid: UInt8 = 0
            for offset in 0..<width {
                let digit = table[Int(bytes[index + offset])]
                invalid |= digit
                value = value << 6 | UInt64(digit & 63)
            }
            if invalid & 0x80 != 0 { throw ReadStateCoding.DecodeError(description: "story \(story) has a malformed comment id") }
            ids.append(CommentID(value: value))
            index += width
        }
        guard index < bytes.count else { throw Malformed() }
        index += 1
        return CommentIDSet(presorted: ids)
    }

    // MARK: Generic JSON pieces

    private mutating func object(_ member: (inout StateJSONReader, String) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipSpace()
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            skipSpace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    private mutating func array(_ element: (inout StateJSONReader) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "["))
        skipSpace()
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            skipSpace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var plain = true
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                plain = false
                index += 1
                guard index < bytes.count else { throw Malformed() }
            }
            if bytes[index] < 0x20 { throw Malformed() }
            index += 1
        }
        guard index < bytes.count else { throw Malformed() }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if plain { return String(decoding: raw, as: UTF8.self) }
        return try Self.unescape(raw)
    }

    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
        var scalars = String.UnicodeScalarView()
        var units: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: units, as: UTF8.self).unicodeScalars)
            units.removeAll()
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else { units.append(byte); index += 1; continue }
            guard index + 1 < raw.count else { throw Malformed() }
            let escaped = raw[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): units.append(escaped)
            case UInt8(ascii: "n"): units.append(0x0A)
            case UInt8(ascii: "r"): units.append(0x0D)
            case UInt8(ascii: "t"): units.append(0x09)
            case UInt8(ascii: "b"): units.append(0x08)
            case UInt8(ascii: "f"): units.append(0x0C)
            case UInt8(ascii: "u"):
                guard index + 4 <= raw.count, var unit = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[index..<index + 4]), as: UTF8.self), radix: 16) else { throw Malformed() }
                index += 4
                if (0xD800...0xDBFF).contains(unit), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                   let low = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[index + 2..<index + 6]), as: UTF8.self), radix: 16),
                   (0xDC00...0xDFFF).contains(low) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                flush()
                scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            default: throw Malformed()
            }
        }
        flush()
        return String(scalars)
    }

    private mutating func integer() throws -> Int {
        skipSpace()
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > start, let value = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) else {
            // A version written as text (`"2"`) or `null` has the field, but not a number.
            throw ReadStateCoding.DecodeError(description: "the version is not a whole number")
        }
        if peek() == UInt8(ascii: ".") || peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") { throw Malformed() }
        return value
    }

    /// true or false; nil for any other valid value (skipped).
    private mutating func boolean() throws -> Bool? {
        skipSpace()
        if literal("true") { return true }
        if literal("false") { return false }
        try skipValue()
        return nil
    }

    /// Values nested deeper than this are malformed: our files never nest past three levels, and the
    /// limit keeps a hostile file from exhausting the stack.
    static let maximumDepth = 64

    private mutating func skipValue(depth: Int = 0) throws {
        guard depth < Self.maximumDepth else { throw Malformed() }
        skipSpace()
        switch peek() {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if peek() == UInt8(ascii: "]") { index += 1; return }
            while true {
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"))
                return
            }
        case UInt8(ascii: "\""): _ = try string()
        default:
            if literal("true") || literal("false") || literal("null") { return }
            let start = index
            while index < bytes.count, "+-.0123456789eE".utf8.contains(bytes[index]) { index += 1 }
            if index == start { throw Malformed() }
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw Malformed() }
        index += 1
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
    }
}

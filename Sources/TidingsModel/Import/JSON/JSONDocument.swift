/// A JSON text parsed into a flat tape of nodes: no tree of objects, no recursion, strings decoded only
/// when asked for. Containers know where their contents end, so a reader skips a whole subtree in one
/// step and walks any depth with a loop. A file may hold several values in a row (JSON Lines).
struct JSONDocument {
    enum Kind: UInt8 { case object, array, string, number, bool, null }

    /// One value: for a container, the index of the node after its last descendant (`end`) and its number
    /// of members (`count`); for a string, the byte range between the quotes; for a number, its bytes.
    struct Node {
        var kind: Kind
        /// A string with backslash escapes (decoded on read); `true` for a `true` boolean.
        var flag: Bool
        var start: Int32
        var end: Int32
        var count: Int32
    }

    /// Why the bytes are not JSON, with the byte offset where that was found.
    struct Malformed: Error {
        var reason: String
        var offset: Int
    }

    let bytes: [UInt8]
    private(set) var nodes: [Node] = []
    /// The top-level values, in order (more than one in a JSON Lines file).
    private(set) var roots: [Int] = []
    /// Where each top-level value starts in the bytes (its line in a JSON Lines file).
    private(set) var rootOffsets: [Int] = []

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 12 + 4)
        try parse()
    }

    /// The largest file a 32-bit offset can address.
    static let maximumSize = Int(Int32.max)

    // MARK: Parsing

    private mutating func parse() throws {
        guard bytes.count < Self.maximumSize else { throw Malformed(reason: "too large for a JSON file", offset: 0) }
        var parser = JSONTapeParser()
        parser.nodes = nodes
        try bytes.withUnsafeBufferPointer { try parser.run($0) }
        guard !parser.roots.isEmpty else { throw Malformed(reason: "no JSON value in the file", offset: 0) }
        nodes = parser.nodes
        roots = parser.roots
        rootOffsets = parser.rootOffsets
    }
}

/// The parse itself: a loop over the bytes with the open containers on a stack. Its state is stored
/// properties of one value (not variables captured by nested functions, which Swift checks at run time on
/// every access and which made this four times slower).
struct JSONTapeParser {
    typealias Node = JSONDocument.Node
    var nodes: [Node] = []
    var roots: [Int] = []
    var rootOffsets: [Int] = []
    private var stack: [Int] = []
    private var expectingKey = false
    private var index = 0
    private var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) throws {
        self.buffer = buffer
        let count = buffer.count
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { index = 3 }
        while true {
            skipSpace()
            if stack.isEmpty {
                guard index < count else { break }
                rootOffsets.append(index)
                roots.append(nodes.count)
            } else {
                let open = stack[stack.count - 1]
                let isObject = nodes[open].kind == .object
                guard index < count else { throw fail("the JSON ends early, inside an unclosed \(isObject ? "object" : "array")") }
                let byte = buffer[index]
                if byte == (isObject ? 0x7D : 0x5D) {
                    // Empty container, or the end after a member; a member needs a value after `:`.
                    if isObject && !expectingKey { throw fail("a key in an object has no value") }
                    index += 1
                    nodes[open].end = Int32(nodes.count)
                    stack.removeLast()
                    expectingKey = !stack.isEmpty && nodes[stack[stack.count - 1]].kind == .object
                    try afterValue()
                    continue
                }
                if isObject && expectingKey {
                    guard byte == 0x22 else { throw fail("expected a key in quotes") }
                    try string()
                    skipSpace()
                    guard index < count, buffer[index] == 0x3A else { throw fail("expected `:` after a key") }
                    index += 1
                    expectingKey = false
                    nodes[open].count += 1
                    continue
                }
                if !isObject { nodes[open].count += 1 }
            }
            // A value.
            guard index < count else { throw fail("the JSON ends early") }
            let byte = buffer[index]
            switch byte {
            case 0x7B, 0x5B:  // { [
                stack.append(nodes.count)
                nodes.append(Node(kind: byte == 0x7B ? .object : .array, flag: false, start: Int32(index), end: 0, count: 0))
                index += 1
                expectingKey = byte == 0x7B
                continue
            case 0x22:
                try string()
            case 0x74:
                try literal("true", .bool, flag: true)
            case 0x66:
                try literal("false", .bool, flag: false)
            case 0x6E:
                try literal("null", .null, flag: false)
            case 0x2D, 0x30...0x39:
                try number()
            default:
                throw fail(byte == 0x7D || byte == 0x5D ? "a comma before a closing bracket" : "unexpected character")
            }
            try afterValue()
        }
    }

    @inline(__always)
    private mutating func skipSpace() {
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private func fail(_ reason: String) -> JSONDocument.Malformed { JSONDocument.Malformed(reason: reason, offset: index) }

    /// After a value inside a container: a comma (then another member) or the closing bracket.
    private mutating func afterValue() throws {
        guard let open = stack.last else { return }
        skipSpace()
        guard index < buffer.count else { return }  // reported by the loop
        let byte = buffer[index]
        let isObject = nodes[open].kind == .object
        let closer: UInt8 = isObject ? 0x7D : 0x5D
        if byte == 0x2C {
            index += 1
            expectingKey = isObject
            skipSpace()
            if index < buffer.count, buffer[index] == closer { throw fail("a comma before a closing bracket") }
            return
        }
        guard byte == closer else { throw fail("expected `,` or `\(isObject ? "}" : "]")`") }
        expectingKey = isObject
    }

    private mutating func string() throws {
        let count = buffer.count
        let start = index + 1
        var cursor = start
        var escaped = false
        while true {
            // Eight bytes at a time while none of them is a quote, a backslash or a control character.
            while cursor + 8 <= count {
                let word = UnsafeRawPointer(buffer.baseAddress! + cursor).loadUnaligned(as: UInt64.self)
                guard !Self.hasSpecialByte(word) else { break }
                cursor += 8
            }
            guard cursor < count else { index = cursor; throw fail("a string is not closed") }
            let byte = buffer[cursor]
            if byte == 0x22 { break }
            if byte == 0x5C {
                escaped = true
                cursor += 2
                continue
            }
            if byte < 0x20 { index = cursor; throw fail("a control character inside a string") }
            cursor += 1
        }
        nodes.append(Node(kind: .string, flag: escaped, start: Int32(start), end: Int32(cursor), count: 0))
        index = cursor + 1
    }

    /// Whether any byte of the word is `"`, `\\` or below 0x20 (the classic "has a zero byte" test on the
    /// word compared with each).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        // Bytes below 0x20: subtracting 0x20 borrows into the high bit of a byte that had it clear.
        let control = (word &- ones &* 0x20) & ~word & highs
        return hasZero(quote) || hasZero(backslash) || control != 0
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONDocument.Kind, flag: Bool) throws {
        let length = word.utf8CodeUnitCount
        guard index + length <= buffer.count else { throw fail("the JSON ends early") }
        for offset in 0..<length where buffer[index + offset] != word.utf8Start[offset] {
            throw fail("unexpected word")
        }
        nodes.append(Node(kind: kind, flag: flag, start: Int32(index), end: Int32(index + length), count: 0))
        index += length
    }

    private mutating func number() throws {
        let start = index
        if buffer[index] == 0x2D { index += 1 }
        var digits = 0
        while index < buffer.count {
            let byte = buffer[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if !(byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x2B || byte == 0x2D) {
                break
            }
            index += 1
        }
        guard digits > 0 else { throw fail("a malformed number") }
        nodes.append(Node(kind: .number, flag: false, start: Int32(start), end: Int32(index), count: 0))
    }
}

/// What the XML reader met.
enum XMLEvent: Sendable {
    /// An element opened (`element`, `depth`); one that was `<empty/>` is followed by its `end` at once.
    case start
    /// An element closed, by its end tag, by the end tag of an element around it, or as `<empty/>`.
    case end
    /// Character data inside the root element (`textRange`, references undecoded).
    case text
    /// The inside of a CDATA section within the root element (`textRange`).
    case cdata
    /// A document stopped short (an XML declaration or DOCTYPE began another one inside it): every element
    /// still open was dropped without being closed.
    case documentCut
    /// The end of the input; `truncated` says whether it ended inside the document.
    case finished
}

/// Pulls elements and text from XML bytes, one document after another (files read together are their
/// bytes one after another). An explicit stack of open elements, never recursion: namespaces are resolved
/// to `XMLNamespace` and a local name, `xml:base` is tracked, and mismatched end tags close back to the
/// element they name, as feed readers do. It refuses a DOCTYPE that declares entities and any nesting
/// deeper than `maximumDepth`.
struct XMLReader {
    /// An open element: its name as written, its namespace and local name, and what it declared.
    struct Element: Sendable {
        var name: Range<Int>
        var local: Range<Int>
        var namespace: XMLNamespace
        /// Namespace bindings it declared, popped when it closes.
        var bindings: Int
        /// Whether it set an `xml:base`.
        var setsBase: Bool
    }

    static let maximumDepth = 10_000

    private(set) var tokenizer: XMLTokenizer
    /// The input (the tokenizer's bytes, held here too so reading them costs no retain).
    let bytes: [UInt8]
    /// The current document's encoding, from its XML declaration.
    private(set) var encoding = XMLEncoding.utf8

    /// The element that opened or closed.
    private(set) var element = Element(name: 0..<0, local: 0..<0, namespace: .none, bindings: 0, setsBase: false)
    /// The element's depth: 1 for the root.
    private(set) var depth = 0
    private(set) var textRange: Range<Int> = 0..<0
    /// Whether the input ended inside a document (or inside a tag).
    private(set) var truncated = false
    /// Where the last token began: for an `end`, the `</` that closed it (the end of its content).
    var tokenStart: Int { tokenizer.tokenStart }
    /// Where the last token ended: for a `start`, the beginning of its content.
    var position: Int { tokenizer.position }

    private var stack: [Element] = []
    private var namespaces = XMLNamespaces()
    private var defaults: [XMLNamespace] = []
    private var prefixes: [String: [XMLNamespace]] = [:]
    /// The prefixes resolved since the bindings last changed, compared as bytes: a feed uses a handful on
    /// every item, and a dictionary lookup would make a string of each.
    private var prefixCache: [(prefix: [UInt8], namespace: XMLNamespace)] = []
    /// The prefixes bound, in order (nil for a default namespace), to undo them as elements close.
    private var bound: [String?] = []
    private var bases: [String] = []
    /// Open elements by name, kept only once an end tag has not matched the innermost element, so a
    /// well-formed feed pays nothing for the leniency.
    private var openCounts: [String: Int]?
    /// Elements still to close: a self-closed one, or those an outer end tag closes with it.
    private var pendingCloses = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        tokenizer = XMLTokenizer(bytes)
    }

    /// Whether the current start tag has attributes.
    @inline(__always)
    var hasAttributes: Bool { !tokenizer.attributes.isEmpty }

    /// The base URL in effect inside the current element (for an `end`: inside its parent).
    var base: String? { bases.last }

    /// Reads to the next event. Throws `LoadFailure` for a DOCTYPE with entities and for too deep nesting.
    mutating func next() throws -> XMLEvent {
        if pendingCloses > 0 {
            pendingCloses -= 1
            pop()
            return .end
        }
        while true {
            switch tokenizer.next() {
            case .startTag:
                return try open()
            case .endTag:
                if let event = close() { return event }
            case .text:
                guard !stack.isEmpty else { continue }
                textRange = tokenizer.content
                return .text
            case .cdata:
                guard !stack.isEmpty else { continue }
                textRange = tokenizer.content
                return .cdata
            case .processingInstruction:
                guard bytes.bytes(tokenizer.name, equal: "xml") else { continue }
                // An XML declaration inside a document: the document was cut off and another one starts.
                let cut = cutDocument()
                encoding = declaredEncoding(tokenizer.content)
                if cut { return .documentCut }
            case .doctype:
                if tokenizer.doctypeDeclaresEntities {
                    throw LoadFailure.unsafeXML("declares its own entities (a DOCTYPE with <!ENTITY>); Tidings does not expand them")
                }
                if tokenizer.doctypeRefersToParameterEntities {
                    throw LoadFailure.unsafeXML("refers to parameter entities in its DOCTYPE (%name;), defined elsewhere; Tidings does not load them")
                }
                if cutDocument() { return .documentCut }
            case .comment:
                continue
            case .end:
                truncated = !stack.isEmpty || tokenizer.cut
                return .finished
            }
        }
    }

    // MARK: Elements

    private mutating func open() throws -> XMLEvent {
        guard stack.count < Self.maximumDepth else {
            throw LoadFailure.malformed("XML nested more than \(Self.maximumDepth) elements deep")
        }
        var bindings = 0
        var setsBase = false
        for attribute in tokenizer.attributes {
            let name = attribute.name
            guard name.count >= 5, bytes[name.lowerBound] == UInt8(ascii: "x") else { continue }
            if bytes.bytes(name.lowerBound..<(name.lowerBound + 5), equal: "xmlns") {
                if name.count == 5 {
                    defaults.append(namespaces.named(XMLText.decoded(bytes, attribute.value, encoding: encoding)))
                    bound.append(nil)
                    bindings += 1
                } else if bytes[name.lowerBound + 5] == UInt8(ascii: ":") {
                    let prefix = String(decoding: bytes[(name.lowerBound + 6)..<name.upperBound], as: UTF8.self)
                    prefixes[prefix, default: []].append(namespaces.named(XMLText.decoded(bytes, attribute.value, encoding: encoding)))
                    prefixCache.removeAll()
                    bound.append(prefix)
                    bindings += 1
                }
            } else if bytes.bytes(name, equal: "xml:base") {
                let value = XMLText.decoded(bytes, attribute.value, encoding: encoding)
                bases.append(FeedLinks.resolve(value, against: bases.last))
                setsBase = true
            }
        }
        let name = tokenizer.name
        let (namespace, local) = resolve(name)
        element = Element(name: name, local: local, namespace: namespace, bindings: bindings, setsBase: setsBase)
        stack.append(element)
        if openCounts != nil {
            let key = nameString(name)
            openCounts?[key, default: 0] += 1
        }
        depth = stack.count
        if tokenizer.selfClosing { pendingCloses = 1 }
        return .start
    }

    /// The end tag closes the innermost element with its name and any left open inside it; an end tag that
    /// names no open element is ignored.
    private mutating func close() -> XMLEvent? {
        let name = tokenizer.name
        guard let top = stack.last else { return nil }
        if bytes.bytes(top.name, equal: name) {
            pop()
            return .end
        }
        if openCounts == nil {
            var counts: [String: Int] = [:]
            for open in stack { counts[nameString(open.name), default: 0] += 1 }
            openCounts = counts
        }
        guard openCounts?[nameString(name), default: 0] ?? 0 > 0,
              let match = stack.lastIndex(where: { bytes.bytes($0.name, equal: name) }) else { return nil }
        // Each element passed over here is closed now, so the search costs no more than the closing.
        pendingCloses = stack.count - match - 1
        pop()
        return .end
    }

    private mutating func pop() {
        guard let closing = stack.popLast() else { return }
        element = closing
        depth = stack.count + 1
        for _ in 0..<closing.bindings {
            guard let prefix = bound.popLast() else { break }
            if let prefix {
                _ = prefixes[prefix]?.popLast()
                prefixCache.removeAll()
            } else {
                _ = defaults.popLast()
            }
        }
        if closing.setsBase { _ = bases.popLast() }
        if openCounts != nil {
            let key = nameString(closing.name)
            openCounts?[key, default: 1] -= 1
        }
        // The next document starts afresh: UTF-8 unless its own declaration says otherwise.
        if stack.isEmpty { encoding = .utf8 }
    }

    /// Drops every open element (a new document began inside this one); true when there were any.
    private mutating func cutDocument() -> Bool {
        guard !stack.isEmpty else { return false }
        stack.removeAll()
        defaults.removeAll()
        prefixes.removeAll()
        bound.removeAll()
        prefixCache.removeAll()
        bases.removeAll()
        openCounts = nil
        pendingCloses = 0
        encoding = .utf8
        return true
    }

    // MARK: Names

    /// An element's namespace and local name: without a prefix it is in the default namespace.
    private mutating func resolve(_ name: Range<Int>) -> (XMLNamespace, Range<Int>) {
        guard let colon = bytes[name].firstIndex(of: UInt8(ascii: ":")), colon > name.lowerBound else {
            return (defaults.last ?? .none, name)
        }
        let prefix = bytes[name.lowerBound..<colon]
        let local = (colon + 1)..<name.upperBound
        for cached in prefixCache where cached.prefix.count == prefix.count && cached.prefix.elementsEqual(prefix) {
            return (cached.namespace, local)
        }
        let namespace: XMLNamespace
        if prefix.count == 3, bytes.bytes(prefix.indices, equal: "xml") {
            namespace = .xml
        } else if !prefixes.isEmpty, let declared = prefixes[String(decoding: prefix, as: UTF8.self)]?.last {
            namespace = declared
        } else {
            namespace = namespaces.undeclared(prefix: prefix)
        }
        // A few prefixes are cached; a file that uses thousands looks the rest up each time.
        if prefixCache.count < 16 { prefixCache.append((Array(prefix), namespace)) }
        return (namespace, local)
    }

    /// An attribute's namespace and local name; an undeclared prefix with no usual meaning matches nothing
    /// asked for.
    private func resolveAttribute(_ name: Range<Int>) -> (XMLNamespace, Range<Int>) {
        guard let colon = bytes[name].firstIndex(of: UInt8(ascii: ":")), colon > name.lowerBound else { return (.none, name) }
        let prefix = bytes[name.lowerBound..<colon]
        let local = (colon + 1)..<name.upperBound
        if prefix.count == 3, bytes.bytes(prefix.indices, equal: "xml") { return (.xml, local) }
        if !prefixes.isEmpty, let declared = prefixes[String(decoding: prefix, as: UTF8.self)]?.last { return (declared, local) }
        return (XMLNamespace.usual(prefix: prefix) ?? XMLNamespace(id: .max), local)
    }

    private func nameString(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Whether the current element's local name is `name`. Inlined: a call on the reader stored in the
    /// scanner would otherwise copy the whole reader first.
    @inline(__always)
    func isLocal(_ name: StaticString) -> Bool {
        bytes.bytes(element.local, equal: name)
    }

    /// The decoded value of the current start tag's attribute with this local name and namespace.
    func attribute(_ local: StaticString, _ namespace: XMLNamespace = .none) -> String? {
        for attribute in tokenizer.attributes {
            let (attributeNamespace, attributeLocal) = resolveAttribute(attribute.name)
            if attributeNamespace == namespace, bytes.bytes(attributeLocal, equal: local) {
                return XMLText.decoded(bytes, attribute.value, encoding: encoding)
            }
        }
        return nil
    }

    /// Whether the current start tag's attribute (in no namespace) is `value`, in any case, compared as
    /// bytes (references in it are not decoded).
    func attribute(_ local: StaticString, is value: StaticString) -> Bool {
        for attribute in tokenizer.attributes where bytes.bytes(attribute.name, equal: local) {
            let range = attribute.value
            guard range.count == value.utf8CodeUnitCount else { return false }
            return zip(bytes[range], UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
                .allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        return false
    }

    /// The `encoding` an XML declaration names.
    private func declaredEncoding(_ range: Range<Int>) -> XMLEncoding {
        let text = String(decoding: bytes[range], as: UTF8.self)
        guard let key = text.range(of: "encoding") else { return .utf8 }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return .utf8 }
        return XMLEncoding.declared(String(rest.dropFirst().prefix { $0 != quote }))
    }
}

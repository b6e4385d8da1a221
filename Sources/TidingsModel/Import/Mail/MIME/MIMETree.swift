/// A message's MIME entities as a flat pre-order list (children after their parent, with indices), built
/// in one pass over the body's lines without recursion: the open multiparts are a stack of boundaries, a
/// boundary line closes every part opened inside it, a missing closing boundary is tolerated.
struct MIMETree {
    static let maximumDepth = 100
    static let maximumParts = 1_000

    private(set) var parts: [MIMEPart] = []
    /// Bytes after the last part that was kept, when the part limit cut the walk short.
    private(set) var cutRemainder: Range<Int>?
    private(set) var tooDeep = false

    init(_ buffer: UnsafeBufferPointer<UInt8>, headers: MIMEHeaderValues, bodyStart: Int) {
        var walker = Walker(buffer: buffer, top: MIMEPart(headers, parent: nil, defaultType: "text/plain"))
        walker.walk(from: bodyStart)
        parts = walker.parts
        cutRemainder = walker.cutRemainder
        tooDeep = walker.tooDeep
    }

    /// The state of the one pass: parts so far, the open multiparts, the leaf whose body is running.
    private struct Walker {
        /// An open multipart: its part index, boundary, and the boundary's hash for the quick check.
        struct Open {
            var part: Int
            var boundary: [UInt8]
            var hash: UInt64
        }

        let buffer: UnsafeBufferPointer<UInt8>
        var parts: [MIMEPart]
        var cutRemainder: Range<Int>?
        var tooDeep = false
        var open: [Open] = []
        /// How many open multiparts have each boundary hash.
        var openHashes: [UInt64: Int] = [:]
        var leaf: Int?
        var leafStart = 0

        init(buffer: UnsafeBufferPointer<UInt8>, top: MIMEPart) {
            self.buffer = buffer
            self.parts = [top]
        }

        mutating func walk(from bodyStart: Int) {
            let end = buffer.count
            guard let topBoundary = parts[0].boundary else {
                parts[0].body = bodyStart..<max(bodyStart, end)
                return
            }
            push(0, topBoundary)
            var lineStart = bodyStart
            while lineStart < end {
                let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: lineStart, to: end)
                let next = lineEnd < end ? lineEnd + 1 : end
                guard lineEnd - lineStart >= 3, buffer[lineStart] == UInt8(ascii: "-"), buffer[lineStart + 1] == UInt8(ascii: "-"),
                      let (level, closing) = match(lineStart + 2, lineEnd) else {
                    lineStart = next
                    continue
                }
                if let current = leaf {
                    parts[current].body = leafStart..<MIMETree.endBeforeLineBreak(buffer, lineStart, leafStart)
                    leaf = nil
                }
                popTo(level + 1)
                if closing {
                    // The epilogue that follows is ignored, up to a boundary of an enclosing multipart.
                    popTo(level)
                    lineStart = next
                    continue
                }
                guard parts.count < MIMETree.maximumParts else {
                    cutRemainder = lineStart..<end
                    return
                }
                lineStart = startPart(parent: open[level].part, at: next)
            }
            if let current = leaf { parts[current].body = leafStart..<max(leafStart, end) }
            if parts.count == 1 {
                // Declared multipart, but no boundary line came: the body is shown as text rather than lost.
                parts[0].isSplit = false
                parts[0].body = bodyStart..<max(bodyStart, end)
            }
        }

        private mutating func push(_ part: Int, _ boundary: [UInt8]) {
            let hash = MIMETree.hash(boundary[...])
            open.append(Open(part: part, boundary: boundary, hash: hash))
            openHashes[hash, default: 0] += 1
            parts[part].isSplit = true
        }

        private mutating func popTo(_ count: Int) {
            while open.count > count, let last = open.popLast() {
                let left = (openHashes[last.hash] ?? 1) - 1
                openHashes[last.hash] = left > 0 ? left : nil
            }
        }

        /// Starts the part whose headers begin at `start`; returns where its body (or preamble) begins.
        private mutating func startPart(parent: Int, at start: Int) -> Int {
            let digest = parts[parent].type == "multipart/digest"
            let (headers, body) = MIMETree.partHeaders(buffer, from: start)
            let index = parts.count
            parts.append(MIMEPart(headers, parent: parent, defaultType: digest ? "message/rfc822" : "text/plain"))
            parts[parent].children.append(index)
            if let boundary = parts[index].boundary {
                if open.count < MIMETree.maximumDepth {
                    push(index, boundary)
                    return body
                }
                parts[index].isTooDeep = true
                tooDeep = true
            }
            leaf = index
            leafStart = body
            return body
        }

        /// Which open multipart a `--...` line is a boundary of (innermost first), and whether it closes it.
        private func match(_ start: Int, _ lineEnd: Int) -> (level: Int, closing: Bool)? {
            var end = lineEnd
            while end > start, buffer[end - 1] == 0x0D || buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 { end -= 1 }
            let candidate = buffer[start..<end]
            let plainHash = MIMETree.hash(candidate)
            let closes = candidate.count >= 2 && buffer[end - 1] == UInt8(ascii: "-") && buffer[end - 2] == UInt8(ascii: "-")
            let closedHash = closes ? MIMETree.hash(buffer[start..<(end - 2)]) : nil
            guard openHashes[plainHash] != nil || closedHash.map({ openHashes[$0] != nil }) == true else { return nil }
            for level in open.indices.reversed() {
                let boundary = open[level].boundary
                if open[level].hash == plainHash, candidate.elementsEqual(boundary) { return (level, false) }
                if closes, open[level].hash == closedHash, buffer[start..<(end - 2)].elementsEqual(boundary) { return (level, true) }
            }
            return nil
        }
    }

    /// A part's headers from `start`: none when its first line is neither empty nor a header field (the
    /// part is all body); the block ends at an empty line or at a boundary-like `--` line.
    static func partHeaders(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (MIMEHeaderValues, Int) {
        var headers = MIMEHeaderValues()
        let firstEnd = HeaderBlockScanner.lineEnd(buffer, from: start, to: buffer.count)
        let contentEnd = firstEnd > start && buffer[firstEnd - 1] == 0x0D ? firstEnd - 1 : firstEnd
        if contentEnd > start, HeaderBlockScanner.nameEnd(buffer, from: start, to: contentEnd) == nil { return (headers, start) }
        var scanner = HeaderBlockScanner(buffer, from: start, to: buffer.count, stopsAtBoundary: true)
        while let field = scanner.next() {
            switch MailHeaderName.identify(buffer, from: field.nameStart, to: field.nameEnd) {
            case .contentType: if headers.contentType == nil { headers.contentType = HeaderBlockScanner.value(buffer, field) }
            case .contentTransferEncoding:
                if headers.transferEncoding == nil { headers.transferEncoding = HeaderBlockScanner.value(buffer, field) }
            case .contentDisposition: if headers.disposition == nil { headers.disposition = HeaderBlockScanner.value(buffer, field) }
            default: break
            }
        }
        return (headers, scanner.bodyOffset ?? buffer.count)
    }

    /// The end of a part's body: the line break before the boundary line belongs to the boundary.
    static func endBeforeLineBreak(_ buffer: UnsafeBufferPointer<UInt8>, _ boundaryLine: Int, _ bodyStart: Int) -> Int {
        var end = boundaryLine
        if end > bodyStart, buffer[end - 1] == 0x0A { end -= 1 }
        if end > bodyStart, buffer[end - 1] == 0x0D { end -= 1 }
        return max(end, bodyStart)
    }

    /// FNV-1a: a cheap filter so a `--` line is compared only with boundaries it may equal.
    static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

import Foundation

/// Finds the messages of an mbox fed to it in pieces, so an archive of any size is read with little memory:
/// it keeps of each message only its place in the file and its header block (for the envelope).
/// mboxo, mboxrd and mboxcl alike: a message starts after a `From ` separator line (`MboxSeparator`), told
/// from a body line starting `From ` by its shape, and, in mboxcl, whose bodies are not escaped, by the
/// message's `Content-Length` where that is right (`MboxContentLength`).
struct MboxSplitter {
    /// One message: where it is in the file (after its separator line, up to the next one) and its header
    /// block, at most `headLimit` bytes.
    struct Message {
        var start: Int
        var end: Int
        var head: [UInt8]
    }

    static let headLimit = HeaderBlockScanner.maximumBytes
    /// A line longer than this is judged by its first bytes only (a separator line is short).
    static let lineLimit = 1 << 10

    private(set) var messages: [Message] = []
    /// The message being read.
    private struct Current {
        var start: Int
        /// What is gathered of its header block (reading in pieces), without the empty line that ends it.
        var head: [UInt8] = []
        var headDone: Bool
        /// Where its body starts, once its header block has ended (reading in pieces).
        var bodyStart: Int?
        /// Where its `Content-Length` says its body ends, when that is where a message ends; looked for once,
        /// at the first separator line after its start.
        var bodyEnd: Int?
        var lengthLooked = false
    }

    private var current: Current?
    /// Whether messages' `Content-Length`s are looked at: as the first message has one or not (nil until
    /// it is known).
    private var readsLengths: Bool?
    /// Reads `count` bytes at a file offset (fewer at its end; nil past its end): to check a
    /// `Content-Length` that ends past the bytes being scanned.
    private let peek: ((Int, Int) -> [UInt8]?)?
    /// The unfinished last line of the pieces fed so far, kept so a separator line is never cut in two.
    private var carry: [UInt8] = []
    /// File offset of the first byte of `carry` (of the next piece when it is empty).
    private var offset: Int
    /// Whether the next byte scanned starts a line.
    private var atLineStart = true

    /// Whether header blocks are gathered (reading in pieces); bytes held whole are read in place instead.
    private let keepsHeads: Bool
    /// Whether no line but blank ones has been scanned yet: the file's first line of text, when it starts
    /// with `From `, starts the first message even without a date (`MailSniffer.looksLikeMbox`).
    private var atFileStart: Bool
    /// The file's first line was `From ` and a sender without a date: so are its other separators, told from
    /// body lines by their one word and the header field after them (`isUndatedSeparator`).
    private var undatedSeparators = false

    /// `startsInMessage`: the bytes begin right after a separator line (a part of an archive read again).
    /// `undatedSeparators`: a part read again of an archive whose first line is `From ` and a sender without
    /// a date (`writesUndatedSeparators`).
    init(startingAt offset: Int = 0, startsInMessage: Bool = false, undatedSeparators: Bool = false, keepsHeads: Bool = true,
         peek: ((Int, Int) -> [UInt8]?)? = nil) {
        self.offset = offset
        self.keepsHeads = keepsHeads
        self.peek = peek
        self.undatedSeparators = undatedSeparators
        atFileStart = !startsInMessage && offset == 0
        if startsInMessage { current = Current(start: offset, headDone: !keepsHeads) }
    }

    /// The messages of bytes held whole (`base`: their offset in the file), without their header blocks:
    /// the envelope is read from the bytes themselves.
    static func messages(in bytes: ArraySlice<UInt8>, base: Int = 0, startsInMessage: Bool = false,
                         undatedSeparators: Bool = false) -> [Message] {
        var splitter = MboxSplitter(startingAt: base, startsInMessage: startsInMessage, undatedSeparators: undatedSeparators,
                                    keepsHeads: false) { at, count in
            let start = bytes.startIndex + (at - base)
            guard start >= bytes.startIndex, start <= bytes.endIndex else { return nil }
            return Array(bytes[start..<min(bytes.endIndex, start + count)])
        }
        splitter.feed(bytes)
        splitter.finish()
        return splitter.messages
    }

    /// The messages completed so far, handed over (they are not kept).
    mutating func takeMessages() -> [Message] {
        defer { messages.removeAll(keepingCapacity: true) }
        return messages
    }

    /// Reads the next piece of the file: everything up to its last line end is scanned, the rest waits.
    mutating func feed(_ piece: ArraySlice<UInt8>) {
        guard !piece.isEmpty else { return }
        if carry.isEmpty {
            piece.withUnsafeBufferPointer { scanWhole($0) }
        } else {
            let joined = carry + piece
            carry.removeAll(keepingCapacity: true)
            joined.withUnsafeBufferPointer { scanWhole($0) }
        }
    }

    /// The end of the file: the last line and the last message end there.
    mutating func finish() {
        if !carry.isEmpty {
            let rest = carry
            carry.removeAll()
            rest.withUnsafeBufferPointer { scan($0) }
            offset += rest.count
        }
        if let current { messages.append(Message(start: current.start, end: offset, head: current.head)) }
        current = nil
    }

    /// Scans `buffer` (at `offset`) up to its last line end and keeps the rest in `carry`; a last line
    /// longer than `lineLimit` is no separator's beginning and is scanned at once.
    private mutating func scanWhole(_ buffer: UnsafeBufferPointer<UInt8>) {
        let cut = (buffer.lastIndex(of: 0x0A) ?? -1) + 1
        let lineEnds = buffer.count - cut > Self.lineLimit ? buffer.count : cut
        scan(UnsafeBufferPointer(rebasing: buffer[..<lineEnds]))
        offset += lineEnds
        carry = Array(buffer[lineEnds...])
    }

    /// Goes through `buffer` (at file offset `offset`): each line that starts with `From ` (found line by
    /// line with `memchr`) and reads as a separator ends one message and starts the next; the bytes in between go to
    /// the current message's header block while it lasts.
    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let start = buffer.baseAddress, !buffer.isEmpty else { return }
        let count = buffer.count
        var position = 0
        var next: Int? = atLineStart && Self.startsWithFrom(start, count: count) ? 0 : Self.findFrom(start, from: 0, count: count)
        if atFileStart {
            let first = MailSniffer.firstLineAfterBlanks(buffer)
            if first < count {
                atFileStart = false
                let lineLength = Self.lineEnd(start + first, count: count - first) ?? (count - first)
                let line = UnsafeBufferPointer(start: start + first, count: min(lineLength, Self.lineLimit))
                if MailSniffer.startsWithFrom(line, at: 0, to: line.count), !MboxSeparator.isSeparator(line) {
                    undatedSeparators = true
                    position = min(count, first + lineLength + 1)
                    current = Current(start: offset + position, headDone: !keepsHeads)
                    next = Self.findFrom(start, from: first + lineLength, count: count)
                } else if !MailSniffer.startsWithFrom(line, at: 0, to: line.count) {
                    // Text before the first separator (an archive named as one, with a note on top) is a
                    // message without headers, as any other: nothing of the file is passed over.
                    position = first
                    current = Current(start: offset + first, headDone: !keepsHeads)
                }
            }
        }
        while let at = next {
            let lineLength = Self.lineEnd(start + at, count: count - at) ?? (count - at)
            let line = UnsafeBufferPointer(start: start + at, count: min(lineLength, Self.lineLimit))
            if MboxSeparator.isSeparator(line) || (undatedSeparators && Self.isUndatedSeparator(line, then: buffer, at: at + lineLength + 1)) {
                gather(UnsafeBufferPointer(rebasing: buffer[position..<at]))
                position = at
                if !isInBody(at, buffer) {
                    if let current { messages.append(Message(start: current.start, end: offset + at, head: current.head)) }
                    position = min(count, at + lineLength + 1)
                    current = Current(start: offset + position, headDone: !keepsHeads)
                }
            }
            next = Self.findFrom(start, from: at + lineLength, count: count)
        }
        gather(UnsafeBufferPointer(rebasing: buffer[position...]))
        atLineStart = buffer[count - 1] == 0x0A
    }

    /// Adds bytes of the current message to its header block while the block lasts.
    private mutating func gather(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var message = current, !message.headDone, !bytes.isEmpty else { return }
        current = nil
        let searchFrom = max(0, message.head.count - 2)
        message.head.append(contentsOf: bytes.prefix(Self.headLimit - message.head.count))
        if let end = HeaderBlockEnd.find(in: message.head, from: searchFrom) {
            message.bodyStart = message.start + end + (message.head[end] == 0x0A ? 1 : 2)
            message.head.removeSubrange(end...)
            message.headDone = true
        } else if message.head.count >= Self.headLimit {
            message.headDone = true
        }
        current = message
    }

    /// Whether the separator line at `at` in `buffer` lies in the current message's body by its
    /// `Content-Length`.
    private mutating func isInBody(_ at: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard readsLengths != false, var message = current, offset + at > message.start else { return false }
        if !message.lengthLooked {
            message.lengthLooked = true
            message.bodyEnd = trustedBodyEnd(message, before: at, in: buffer)
            current = message
        }
        return message.bodyEnd.map { offset + at < $0 } ?? false
    }

    /// Where the message's `Content-Length` ends its body, when the bytes there end a message.
    private mutating func trustedBodyEnd(_ message: Current, before at: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let length: Int, bodyStart: Int
        if keepsHeads {
            // The gathered block lacks its empty line: one is put back for the scanner.
            guard message.headDone, let start = message.bodyStart else { return nil }
            let read = (message.head + [0x0A]).withUnsafeBufferPointer { MboxContentLength.length(inHead: $0) }
            if readsLengths == nil { readsLengths = read.hasField }
            guard let found = read.found else { return nil }
            (length, bodyStart) = (found.length, start)
        } else {
            let headStart = message.start - offset
            guard headStart >= 0, headStart <= at else { return nil }
            let read = MboxContentLength.length(inHead: UnsafeBufferPointer(rebasing: buffer[headStart..<min(at, headStart + Self.headLimit)]))
            if readsLengths == nil { readsLengths = read.hasField }
            guard let found = read.found else { return nil }
            (length, bodyStart) = (found.length, message.start + found.body)
        }
        let end = bodyStart + length
        let inBuffer = end - offset
        if inBuffer >= 0, inBuffer + MboxContentLength.lookAhead <= buffer.count {
            return MboxContentLength.endsMessage(UnsafeBufferPointer(rebasing: buffer[inBuffer..<(inBuffer + MboxContentLength.lookAhead)])) ? end : nil
        }
        guard let ahead = peek?(end, MboxContentLength.lookAhead) else { return nil }
        return ahead.withUnsafeBufferPointer(MboxContentLength.endsMessage) ? end : nil
    }

    /// The start of the next line at or after `from` that begins with `From `.
    private static func findFrom(_ start: UnsafePointer<UInt8>, from: Int, count: Int) -> Int? {
        // Line by line with memchr: glibc's memmem is not visible to Swift without _GNU_SOURCE.
        var index = from
        while index < count, let hit = memchr(start + index, 0x0A, count - index) {
            let lineStart = UnsafeRawPointer(hit) - UnsafeRawPointer(start) + 1
            if startsWithFrom(start + lineStart, count: count - lineStart) { return lineStart }
            index = lineStart
        }
        return nil
    }

    /// Whether an archive's first line of text (in `head`, its first bytes) is `From ` and a sender without a
    /// date: its separators are all of that kind.
    static func writesUndatedSeparators(_ head: ArraySlice<UInt8>) -> Bool {
        head.withUnsafeBufferPointer { buffer in
            let first = MailSniffer.firstLineAfterBlanks(buffer)
            let lineEnd = HeaderBlockScanner.lineEnd(buffer, from: first, to: buffer.count)
            return MailSniffer.startsWithFrom(buffer, at: first, to: lineEnd) && !MboxSeparator.isSeparator(buffer, lineStart: first, lineEnd: lineEnd)
        }
    }

    /// `From ` and one word (`From user@example.com`), with a header field on the next line when that line
    /// is in the buffer: a separator of an archive written without dates. A body's `From the logs, …` has
    /// more words.
    private static func isUndatedSeparator(_ line: UnsafeBufferPointer<UInt8>, then buffer: UnsafeBufferPointer<UInt8>, at next: Int) -> Bool {
        var end = line.count
        while end > 5, line[end - 1] == 0x0D || line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end > 5, !line[5..<end].contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return false }
        guard next < buffer.count else { return true }
        let nextEnd = HeaderBlockScanner.lineEnd(buffer, from: next, to: buffer.count)
        return HeaderBlockScanner.nameEnd(buffer, from: next, to: nextEnd) != nil
    }

    private static func startsWithFrom(_ pointer: UnsafePointer<UInt8>, count: Int) -> Bool {
        count >= 5 && pointer[0] == 0x46 && pointer[1] == 0x72 && pointer[2] == 0x6F && pointer[3] == 0x6D && pointer[4] == 0x20
    }

    /// The length of the line at `start` (without its newline), nil when no newline comes within `count`.
    private static func lineEnd(_ start: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count > 0, let hit = memchr(start, 0x0A, count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(start)
    }
}

/// Where a header block ends: the first empty line (LF or CR LF).
enum HeaderBlockEnd {
    /// The index just past the header block's last line (its newline included), nil when not yet ended.
    static func find(in bytes: [UInt8], from: Int = 0) -> Int? {
        if bytes.first == 0x0A { return 0 }
        if bytes.count >= 2, bytes[0] == 0x0D, bytes[1] == 0x0A { return 0 }
        var index = from
        while index < bytes.count {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            let next = newline + 1
            if next < bytes.count, bytes[next] == 0x0A { return next }
            if next + 1 < bytes.count, bytes[next] == 0x0D, bytes[next + 1] == 0x0A { return next }
            index = next
        }
        return nil
    }
}

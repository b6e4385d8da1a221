import Foundation

/// Reads an mbox of any size in pieces: only each message's place and envelope are kept.
enum MboxStream {
    static let pieceSize = 8 << 20

    static func items(_ path: String) throws -> [MailItem] {
        let descriptor = FileBytes.openToRead(path, flags: 0)
        guard descriptor >= 0 else { throw FileBytes.failure(errno) }
        defer { close(descriptor) }
        var size = stat()
        guard fstat(descriptor, &size) == 0 else { throw FileBytes.failure(errno) }
        // A `Content-Length` is checked where it ends, which may be past the piece read.
        var splitter = MboxSplitter { at, count in
            guard at >= 0, at <= Int(size.st_size) else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, count, off_t(at)) }
            return got >= 0 ? Array(bytes.prefix(got)) : nil
        }
        var items: [MailItem] = []
        var piece = [UInt8](repeating: 0, count: pieceSize)
        while true {
            let count = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, pieceSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileBytes.failure(errno)
            }
            if count == 0 { break }
            splitter.feed(piece[..<count])
            // Envelopes are taken as messages complete, so their header blocks need not all be held.
            items += splitter.takeMessages().map { item($0, file: 0) }
        }
        splitter.finish()
        items += splitter.takeMessages().map { item($0, file: 0) }
        // A message without a readable Date: is dated by its separator line, which the splitter did not keep.
        for index in items.indices where items[index].envelope.date == nil && items[index].range.lowerBound > 0 {
            let start = items[index].range.lowerBound
            let offset = max(0, start - MboxSeparator.lookBehind)
            let before = try FileBytes.range(path, offset: offset, count: start - offset)[...]
            items[index].envelope.date = MboxSeparator.date(before: before.endIndex, in: before)
        }
        // A message without a Message-ID is named by its text, which the splitter did not keep: read again.
        for index in items.indices where items[index].envelope.messageID == nil {
            let range = items[index].range
            items[index].unnamedID = try UnnamedMessage.name(count: range.count, envelope: items[index].envelope) { piece in
                try FileBytes.range(path, offset: range.lowerBound + piece.lowerBound, count: piece.count)[...]
            }
        }
        return items
    }

    /// The item of one message found by the splitter: its envelope read from its header block.
    static func item(_ message: MboxSplitter.Message, file: Int) -> MailItem {
        var head = message.head
        // The envelope parser wants the empty line that ends the header block.
        head.append(0x0A)
        // A message without a header block is kept, as a thread of its own (`MailImporter.mboxItems`).
        let envelope = MailEnvelope.parse(head[...]) ?? MailEnvelope(subject: "(a message without headers)")
        return MailItem(envelope: envelope, seen: envelope.seen, file: file, range: message.start..<message.end)
    }
}

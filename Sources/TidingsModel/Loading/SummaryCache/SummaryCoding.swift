import Foundation

/// The bytes of one cache file: a header that says which version of which file, read by which build of
/// Tidings, the list entries were made from, then the entries. The file's path is written once: every entry
/// of a file that stands alone names that file and no other (entries that do not are never cached).
enum SummaryCoding {
    static let magic: UInt32 = 0x5344_5354  // "TSDS"
    /// Raised when the layout below changes (a new build is told apart by `SummaryCache.Key.program` anyway).
    static let layout: UInt32 = 2

    static func encode(_ summaries: [ImportedSummary], key: SummaryCache.Key) -> [UInt8]? {
        guard summaries.allSatisfy({ $0.summary.source.path == key.path && $0.summary.source.otherPaths.isEmpty && $0.damage == nil }) else { return nil }
        var writer = ByteWriter()
        header(key, into: &writer)
        let start = writer.bytes.count
        writer.u32(UInt32(summaries.count))
        for imported in summaries { entry(imported, into: &writer) }
        // The end: a hash of the entries (a changed byte is told apart, not listed), then the mark (a file
        // cut short is told apart).
        writer.u64(checksum(writer.bytes.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[start...]) }))
        writer.u32(magic)
        return writer.bytes
    }

    /// The entries, when `bytes` were written for `key`; nil for another file, another version of it, another
    /// build, or damaged bytes.
    static func decode(_ bytes: UnsafeRawBufferPointer, key: SummaryCache.Key) -> [ImportedSummary]? {
        decode(bytes, key: key) { $0 }
    }

    /// The entries made into what the loader keeps (list entries with unread counts) one by one as they are
    /// read, so no array of 100,000 summaries is made only to be copied.
    static func decode<T>(_ bytes: UnsafeRawBufferPointer, key: SummaryCache.Key, _ make: (ImportedSummary) -> T) -> [T]? {
        var reader = ByteReader(bytes)
        var expected = ByteWriter()
        header(key, into: &expected)
        // The header is compared byte for byte: any field that differs means another file or version.
        guard bytes.count >= expected.bytes.count,
              expected.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, $0.count) == 0 }) else { return nil }
        // The entries are checked whole before any is made: a damaged entry would list wrong text.
        let start = expected.bytes.count
        guard bytes.count >= start + 12,
              checksum(UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count - 12]))
                == UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 12, as: UInt64.self)) else { return nil }
        for _ in 0..<start { _ = reader.u8() }
        guard let count = reader.u32().map(Int.init), count <= bytes.count else { return nil }
        var summaries: [T] = []
        summaries.reserveCapacity(count)
        for _ in 0..<count {
            guard let imported = entry(from: &reader, path: key.path) else { return nil }
            summaries.append(make(imported))
        }
        guard reader.u64() != nil, reader.u32() == magic, reader.atEnd else { return nil }
        return summaries
    }

    /// The hash that guards the entries: eight bytes a step, about 20 µs for an archive's 200 KB.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.add(bytes: bytes)
        return hash.value
    }

    private static func header(_ key: SummaryCache.Key, into writer: inout ByteWriter) {
        writer.u32(magic)
        writer.u32(layout)
        writer.u64(key.program.size)
        writer.i64(key.program.modified)
        writer.u64(key.stamp.device)
        writer.u64(key.stamp.inode)
        writer.i64(key.stamp.size)
        writer.i64(key.stamp.modified)
        writer.i64(key.stamp.changed)
        writer.u8(key.named ? 1 : 0)
        writer.string(key.path)
    }

    private static func entry(_ imported: ImportedSummary, into writer: inout ByteWriter) {
        let summary = imported.summary
        writer.string(summary.id)
        writer.optionalString(summary.legacyID)
        writer.optionalString(summary.source.locator)
        writer.string(summary.format)
        let header = summary.header
        writer.optionalString(header.title)
        writer.optionalString(header.author)
        writer.optionalString(header.url)
        writer.optionalString(header.category)
        writer.optionalString(header.byline)
        if let date = header.date {
            writer.u8(1)
            writer.u64(date.timeIntervalSinceReferenceDate.bitPattern)
        } else {
            writer.u8(0)
        }
        writer.optionalString(header.dateText)
        writer.optionalInt(header.score)
        writer.optionalInt(header.declaredComments)
        writer.i64(Int64(summary.commentCount))
        if let marks = summary.sourceMarks {
            writer.u8(marks.storyRead ? 2 : 1)
            writer.commentIDs(marks.readComments)
        } else {
            writer.u8(0)
        }
        if let ids = imported.commentIDs {
            writer.u8(1)
            writer.commentIDs(ids)
        } else {
            writer.u8(0)
        }
    }

    private static func entry(from reader: inout ByteReader, path: String) -> ImportedSummary? {
        guard let id = reader.string(), let legacyID = reader.optionalString(), let locator = reader.optionalString(),
              let format = reader.string(), let title = reader.optionalString(), let author = reader.optionalString(),
              let url = reader.optionalString(), let category = reader.optionalString(),
              let byline = reader.optionalString(), let hasDate = reader.u8() else { return nil }
        var date: Date?
        switch hasDate {
        case 0: break
        case 1:
            guard let bits = reader.u64() else { return nil }
            date = Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits))
        default: return nil
        }
        guard let dateText = reader.optionalString(), let score = reader.optionalInt(),
              let declared = reader.optionalInt(), let commentCount = reader.i64(), let marksFlag = reader.u8() else { return nil }
        var header = StoryHeader()
        header.title = title
        header.author = author
        header.url = url
        header.category = category
        header.byline = byline
        header.date = date
        header.dateText = dateText
        header.score = score
        header.declaredComments = declared
        var summary = StorySummary(id: id, legacyID: legacyID, source: SourceReference(path: path, locator: locator),
                                   format: format, header: header, commentCount: Int(commentCount))
        switch marksFlag {
        case 0: break
        case 1, 2:
            guard let read = reader.commentIDs() else { return nil }
            summary.sourceMarks = SourceMarks(storyRead: marksFlag == 2, readComments: read)
        default: return nil
        }
        var commentIDs: [CommentID]?
        switch reader.u8() {
        case 0: break
        case 1:
            guard let ids = reader.commentIDs() else { return nil }
            commentIDs = ids
        default: return nil
        }
        return ImportedSummary(summary: summary, commentIDs: commentIDs)
    }
}

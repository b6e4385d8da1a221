import Foundation
import Synchronization

/// The read marks of an MH folder (nmh, mutt, Sylpheed): its `.mh_sequences` file lists the messages not
/// yet seen in the `unseen` sequence (`unseen: 3-4 7`); a message not in it was seen. A folder without the
/// file says nothing, and its messages start unread as before.
enum MHSequences {
    /// Whether the MH message at `path` (a file named by its number) was seen; nil when its folder keeps no
    /// sequences, or the name is not a number (a Maildir's files never are).
    static func seen(_ path: String) -> Bool? {
        // Asked of each of a Maildir's 400,000 files: bytes only, and out at the name's first non-digit.
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let name = utf8[utf8.index(after: slash)...]
        guard !name.isEmpty, name.count <= 18, name.allSatisfy({ (0x30...0x39).contains($0) }),
              let number = Int(Substring(name)) else { return nil }
        guard let found = unseen(in: String(Substring(utf8[..<slash]))), let unseen = found else { return nil }
        return !unseen.contains(number)
    }

    /// The folder's unseen messages, nil without a sequences file (and nil inside when its `unseen` line
    /// cannot be read); read again only when the file changed.
    private static func unseen(in folder: String) -> Unseen?? {
        let file = folder + "/" + fileName
        guard let stamp = FileStamp(path: file) else { return nil }
        if let known = cache.withLock({ $0[folder] }), known.stamp == stamp { return known.unseen }
        guard let bytes = try? FileBytes.read(file, limit: 1 << 20) else { return nil }
        let unseen = parse(String(decoding: bytes, as: UTF8.self))
        cache.withLock { $0[folder] = (stamp, unseen) }
        return unseen
    }

    /// The name of the file of an MH folder's sequences.
    static let fileName = ".mh_sequences"

    /// The folders whose sequences file changed (or went) since their marks were read: a rescan reads
    /// their messages again.
    static func foldersChangedSinceRead() -> [String] {
        cache.withLock { known in known.filter { FileStamp(path: $0.key + "/" + fileName) != $0.value.stamp }.map(\.key) }
    }

    private static let cache = Mutex<[String: (stamp: FileStamp, unseen: Unseen?)]>([:])

    /// The ranges of the `unseen` sequence (empty when the line is missing: every message was seen); a line
    /// folded onto the next (starting with a space) goes on. Nil when a part of it cannot be read (`4-3`):
    /// the marks are then not known, and nothing is taken as seen.
    static func parse(_ text: String) -> Unseen? {
        var joined: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if let first = line.first, first == " " || first == "\t", !joined.isEmpty {
                joined[joined.count - 1] += " " + line
            } else {
                joined.append(String(line))
            }
        }
        var ranges: [ClosedRange<Int>] = []
        for line in joined {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "unseen" else { continue }
            for token in line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let bounds = token.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { Int($0) }
                if bounds.count == 1, let low = bounds[0] {
                    ranges.append(low...low)
                } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high {
                    ranges.append(low...high)
                } else {
                    return nil
                }
            }
        }
        return Unseen(ranges: ranges)
    }

    /// The numbers of an `unseen` sequence.
    struct Unseen: Sendable, Equatable {
        var ranges: [ClosedRange<Int>]
        func contains(_ number: Int) -> Bool { ranges.contains { $0.contains(number) } }
    }
}

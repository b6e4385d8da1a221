import Foundation

/// The flags a Maildir message carries in its file name (`1382298770.004581.host:2,RS`).
enum MaildirFlags {
    /// Whether the name says the message was seen (`S` after `:2,`).
    static func seen(_ path: String) -> Bool {
        let utf8 = path.utf8
        let name = utf8[(utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex)...]
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return false }
        let info = name[name.index(after: colon)...]
        guard info.starts(with: "2,".utf8) else { return false }
        return info.dropFirst(2).contains(UInt8(ascii: "S"))
    }
}

/// Whether a file is a message of a Maildir: in its `cur/` or `new/`, beside which lie the other two.
enum MaildirPath {
    /// Asked only of files that do not look like mail (no header block): one look at the folder above.
    static func isMessage(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[parts.count - 2] == "cur" || parts[parts.count - 2] == "new" else { return false }
        let mailbox = parts.count >= 3 ? parts[..<(parts.count - 2)].joined(separator: "/") : "."
        let top = mailbox.isEmpty ? "/" : mailbox
        return ["cur", "new", "tmp"].allSatisfy { name in
            var info = stat()
            return stat(top + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
    }
}

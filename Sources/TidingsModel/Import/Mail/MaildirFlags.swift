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
    /// Asked of files that do not look like mail (no header block), in every folder listed: the name of
    /// the folder holding the file is looked at first, and only in a `cur/` or `new/` the folder above.
    static func isMessage(_ path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return false }
        let folder = path[..<slash]
        let name = folder.lastIndex(of: "/").map { folder[folder.index(after: $0)...] } ?? folder
        guard name == "cur" || name == "new" else { return false }
        let mailbox = folder.dropLast(name.count)
        let top = mailbox.isEmpty ? "./" : String(mailbox)
        return ["cur", "new", "tmp"].allSatisfy { child in
            var info = stat()
            return stat(top + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
    }
}

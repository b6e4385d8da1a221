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

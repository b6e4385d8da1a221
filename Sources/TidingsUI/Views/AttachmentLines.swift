import TidingsModel

/// A message's attachments, one dim row each under its text: `[attachment] report.pdf (application/pdf,
/// 120 KB)`, or the type alone in the name's place when the part has no name.
enum AttachmentLines {
    static func lines(_ attachments: [Comment.Attachment], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        // `truncate` passes the name and type through `UntrustedText` and cuts them to the row.
        return attachments.map { StyledLine(text: TextWrap.truncate(describe($0, width: width), width: width), style: .dim) }
    }

    /// A long name is shortened (keeping its last characters, which say what kind of file it is) so the
    /// type and size still fit the row; on a row too narrow even for that, the end is cut.
    static func describe(_ attachment: Comment.Attachment, width: Int = .max) -> String {
        let size = Self.size(attachment.size)
        let type = attachment.type.isEmpty ? "unknown type" : attachment.type
        guard let written = attachment.name, !written.isEmpty else { return "[attachment] \(type) (\(size))" }
        let name = UntrustedText.sanitize(written)
        let whole = "[attachment] \(name) (\(type), \(size))"
        let room = width - DisplayWidth.of(whole) + DisplayWidth.of(name)
        guard DisplayWidth.of(whole) > width, room >= 8 else { return whole }
        return "[attachment] \(TextWrap.truncateMiddle(name, width: room)) (\(type), \(size))"
    }

    /// `512 B`, `1.5 KB`, `120 KB`, `3.2 MB`: kilobytes of 1,024 bytes, one decimal below 10.
    static func size(_ bytes: Int) -> String {
        let bytes = max(0, bytes)
        if bytes < 1024 { return "\(bytes) B" }
        let kilobytes = Double(bytes) / 1024
        if kilobytes.rounded() < 1024 { return number(kilobytes) + " KB" }
        return number(Double(bytes) / (1024 * 1024)) + " MB"
    }

    /// One decimal below 10 (as it rounds: 9.96 is `10`), whole numbers above.
    private static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths < 100 { return "\(Int(tenths) / 10).\(Int(tenths) % 10)" }
        // Sizes are at most Int.max bytes: in kilobytes or more they convert back to Int without a trap.
        return "\(Int(value.rounded()))"
    }
}

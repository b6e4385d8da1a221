import TidingsModel

/// A message's attachments, one dim row each under its text: `[attachment] report.pdf (application/pdf,
/// 120 KB)`, or the type alone in the name's place when the part has no name.
enum AttachmentLines {
    static func lines(_ attachments: [Comment.Attachment], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        // `truncate` passes the name and type through `UntrustedText` and cuts them to the row.
        return attachments.map { StyledLine(text: TextWrap.truncate(describe($0, width: width), width: width), style: .dim) }
    }

    /// When the row is too narrow, the name and type are shortened in their middles (a name keeps its
    /// extension, a type its end: `…wordprocessingml.document`) so the size always shows; narrower, the
    /// label is `[att]` and then the type goes; on a row too narrow even for a name and a size, the end is
    /// cut.
    static func describe(_ attachment: Comment.Attachment, width: Int = .max) -> String {
        let size = Self.size(attachment.size)
        let type = UntrustedText.sanitize(attachment.type.isEmpty ? "unknown type" : attachment.type)
        let least = 8
        guard let written = attachment.name, !written.isEmpty else {
            for label in ["[attachment]", "[att]"] {
                let room = width - DisplayWidth.of(label + "  ()") - DisplayWidth.of(size)
                if room >= min(DisplayWidth.of(type), least) { return "\(label) \(TextWrap.truncateMiddle(type, width: room)) (\(size))" }
            }
            return "[attachment] \(type) (\(size))"
        }
        let name = UntrustedText.sanitize(written)
        let nameWidth = DisplayWidth.of(name), typeWidth = DisplayWidth.of(type)
        for label in ["[attachment]", "[att]"] {
            let room = width - DisplayWidth.of(label + "  (, )") - DisplayWidth.of(size)
            if nameWidth + typeWidth <= room { return "\(label) \(name) (\(type), \(size))" }
            guard room >= min(nameWidth, least) + min(typeWidth, least) else { continue }
            // A usual type (`application/pdf`) stays whole while the name keeps a few characters; a long one
            // (`application/vnd.openxmlformats-…`) gives way first.
            var typeRoom = min(typeWidth, max(min(typeWidth, 24), room - nameWidth))
            if room - typeRoom < min(nameWidth, least) { typeRoom = max(min(typeWidth, least), room - min(nameWidth, least)) }
            let nameRoom = min(nameWidth, room - typeRoom)
            return "\(label) \(keepingExtension(name, width: nameRoom)) (\(TextWrap.truncateMiddle(type, width: typeRoom)), \(size))"
        }
        // The name and its size, without the type.
        let room = width - DisplayWidth.of("[att]  ()") - DisplayWidth.of(size)
        if room >= min(nameWidth, least) { return "[att] \(keepingExtension(name, width: room)) (\(size))" }
        return "[attachment] \(name) (\(type), \(size))"
    }

    /// A file name cut in its middle, its extension (up to eight characters after the last dot) kept whole.
    static func keepingExtension(_ name: String, width: Int) -> String {
        guard DisplayWidth.of(name) > width else { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let tail = String(name[dot...])
            let tailWidth = DisplayWidth.of(tail)
            if tail.count <= 9, width - tailWidth >= 2 {
                return TextWrap.truncate(String(name[..<dot]), width: width - tailWidth) + tail
            }
        }
        return TextWrap.truncateMiddle(name, width: width)
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

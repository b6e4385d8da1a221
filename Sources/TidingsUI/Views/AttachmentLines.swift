import TidingsModel

/// A message's attachments, one dim row each under its text: `[attachment] report.pdf (application/pdf,
/// 120 KB)`, or the type alone in the name's place when the part has no name.
enum AttachmentLines {
    static func lines(_ attachments: [Comment.Attachment], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        // One label for all the rows of a message: the long one while every row keeps its name and size.
        let label = attachments.allSatisfy({ fitted($0, width: width, label: long) != nil }) ? long : short
        // `truncate` passes the name and type through `UntrustedText` and cuts them to the row.
        return attachments.map {
            let text = fitted($0, width: width, label: label) ?? whole($0, label: label)
            return StyledLine(text: TextWrap.truncate(text, width: width), style: .dim)
        }
    }

    static let long = "[attachment]"
    static let short = "[att]"

    /// The whole row, as wide as it takes.
    static func describe(_ attachment: Comment.Attachment) -> String { whole(attachment, label: long) }

    private static func whole(_ attachment: Comment.Attachment, label: String) -> String {
        let size = Self.size(attachment.size)
        let type = UntrustedText.sanitize(attachment.type.isEmpty ? "unknown type" : attachment.type)
        guard let written = attachment.name, !written.isEmpty else { return "\(label) \(type) (\(size))" }
        return "\(label) \(UntrustedText.sanitize(written)) (\(type), \(size))"
    }

    /// The row in `width` with `label`, nil when even a short name and the size do not fit. The name comes
    /// first and the type gives way: the whole name with the type cut in its middle
    /// (`…wordprocessingml.document`), else the whole name without the type, else the name shortened (its
    /// extension kept) without the type.
    static func fitted(_ attachment: Comment.Attachment, width: Int, label: String) -> String? {
        let size = Self.size(attachment.size)
        let type = UntrustedText.sanitize(attachment.type.isEmpty ? "unknown type" : attachment.type)
        let typeWidth = DisplayWidth.of(type)
        guard let written = attachment.name, !written.isEmpty else {
            let room = width - DisplayWidth.of(label + "  ()") - DisplayWidth.of(size)
            guard room >= min(typeWidth, 8) else { return nil }
            return "\(label) \(TextWrap.truncateMiddle(type, width: room)) (\(size))"
        }
        let name = UntrustedText.sanitize(written)
        let nameWidth = DisplayWidth.of(name)
        let room = width - DisplayWidth.of(label + "  (, )") - DisplayWidth.of(size)
        if nameWidth + typeWidth <= room { return "\(label) \(name) (\(type), \(size))" }
        if room - nameWidth >= min(typeWidth, 12) {
            return "\(label) \(name) (\(TextWrap.truncateMiddle(type, width: room - nameWidth)), \(size))"
        }
        // No room for the type beside the name: the name and its size (under the long label only while the
        // name keeps 16 cells: the short one leaves it more).
        let bare = width - DisplayWidth.of(label + "  ()") - DisplayWidth.of(size)
        guard bare >= min(nameWidth, label == long ? 16 : 6) else { return nil }
        return "\(label) \(keepingExtension(name, width: bare)) (\(size))"
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

    /// `512 B`, `1.5 KB`, `120 KB`, `3.2 MB` (`ByteSize`, as a feed's enclosures are sized too).
    static func size(_ bytes: Int) -> String { ByteSize.text(bytes) }
}

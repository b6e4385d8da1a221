/// A text part the sender marked `inline` beside the message's text (a patch, a log, a named text file):
/// shown after it under a line naming it, instead of only being listed.
enum InlineText {
    /// `[fix.diff, text/x-diff]` (the type alone when it has no name), in italics, as the notes are.
    static func heading(name: String?, type: String) -> StoryBody.Block {
        let label = name.map { "[\($0), \(type)]" } ?? "[\(type)]"
        return StoryBody.Block(.paragraph, [StoryBody.Run(label, emphasis: .italic)])
    }

    /// Whether the part is shown as written, every line kept: anything but plain text and HTML (a diff, a
    /// log, source), and plain text named as a patch. Plain text is read as mail text (quotes, signature),
    /// which would take a diff's ` >` context lines for quotes and close up its empty lines.
    static func isVerbatim(_ part: MIMEPart) -> Bool {
        if part.type == "text/html" { return false }
        guard part.type == "text/plain" else { return true }
        guard let name = part.fileName?.lowercased() else { return false }
        return name.hasSuffix(".patch") || name.hasSuffix(".diff")
    }

    /// The text as one block of lines as written: CRs removed, empty lines at the ends dropped, every line
    /// between them kept (the layout shows a patch's lines as they are: `PatchLines.startsPatch`).
    static func verbatim(_ text: String) -> StoryBody {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              let last = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return StoryBody(blocks: []) }
        return StoryBody(blocks: [StoryBody.Block(.preserved, text: lines[first...last].joined(separator: "\n"))])
    }
}

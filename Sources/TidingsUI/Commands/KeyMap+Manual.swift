/// The key list of the manual page, from the same bindings as the help screen and the README.
extension KeyMap {
    /// The keys as roff: a subsection per place, a tagged paragraph per binding.
    public func manualSection() -> String {
        var text = ""
        for section in helpSections(separator: ", ") {
            text += ".SS \(Roff.escape(section.title))\n"
            for entry in section.entries {
                text += ".TP\n.B \(Roff.escape(entry.keys))\n\(Roff.escape(entry.summary))\n"
            }
        }
        return text
    }
}

/// Text made safe for roff: backslashes written as `\e`, hyphens as `\-`, and a line that would start
/// with a control character (`.` or `'`) begun with `\&`.
public enum Roff {
    public static func escape(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}

/// The lines of a patch mailed in a message's text (git format-patch, diff -u): where one starts, and which
/// lines are its own. The text keeps them as written; the layout breaks them as code.
public enum PatchLines {
    /// A line that starts a patch: the `---` a mailed patch's message ends with, `diff --git`, `Index:`, a
    /// `---`/`+++` file line or a `@@` hunk line.
    public static func startsPatch<Line: Collection<UInt8>>(_ line: Line) -> Bool {
        // Asked of every line of a message's text until one starts a patch: the first byte rules out most.
        guard let first = line.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "d") || first == UInt8(ascii: "I") || first == UInt8(ascii: "@")
                || first == UInt8(ascii: "+") else { return false }
        return line.elementsEqual("---".utf8) || hasPrefix(line, "diff --git ") || hasPrefix(line, "Index: ") || hasPrefix(line, "@@ ")
            || hasPrefix(line, "--- a/") || hasPrefix(line, "+++ b/")
    }

    /// A line a diff writes (added, removed, a hunk, a file's header): after a patch's start, a `-- ` line
    /// followed by such lines is a removed `- ` line, not a signature.
    public static func isDiffLine<Line: Collection<UInt8>>(_ line: Line) -> Bool {
        guard let first = line.first else { return false }
        return first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || hasPrefix(line, "@@") || hasPrefix(line, "diff ")
    }

    private static func hasPrefix<Line: Collection<UInt8>>(_ line: Line, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count else { return false }
        return line.prefix(count).elementsEqual(UnsafeBufferPointer(start: prefix.utf8Start, count: count))
    }
}

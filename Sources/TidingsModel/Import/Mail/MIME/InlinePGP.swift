/// A message signed with inline PGP (`-----BEGIN PGP SIGNED MESSAGE-----`, as Debian's security
/// announcements are): its text without the armour, its dash-escaped lines (`- -- `) as written, and the
/// signature block left out, as mutt shows it. The signature is not checked, and a note says so.
enum InlinePGP {
    static let note = "signed with inline PGP: the signature is not checked"

    /// The text unwrapped, or nil when it holds no signed block. Every signed part is unwrapped (a digest or
    /// a reply may quote several).
    static func unwrapped(_ text: String) -> String? {
        guard text.contains("-----BEGIN PGP SIGNED MESSAGE-----") else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var parts: [(begin: Int, signature: Int, end: Int)] = []
        var from = 0
        while let begin = lines[from...].firstIndex(where: { $0 == "-----BEGIN PGP SIGNED MESSAGE-----" }),
              let signature = lines[begin...].firstIndex(where: { $0 == "-----BEGIN PGP SIGNATURE-----" }),
              let end = lines[signature...].firstIndex(where: { $0 == "-----END PGP SIGNATURE-----" }) {
            parts.append((begin, signature, end))
            from = end + 1
            if from >= lines.count { break }
        }
        guard let first = parts.first, let last = parts.last else { return nil }
        // Text outside the signed parts (a list's footer, a note before them) is set apart, as mutt does: the
        // signature, checked or not, would cover none of it.
        let outside = parts.count > 1 || lines[..<first.begin].contains { !$0.allSatisfy(\.isWhitespace) }
            || lines[(last.end + 1)...].contains { !$0.allSatisfy(\.isWhitespace) }
        // From the last part back, so the earlier parts' line numbers hold.
        for part in parts.reversed() {
            // The armour's header lines (`Hash: SHA256`) and the empty line after them.
            var start = part.begin + 1
            while start < part.signature, !lines[start].isEmpty { start += 1 }
            if start < part.signature { start += 1 }
            var signed = lines[start..<part.signature].map { line in line.hasPrefix("- ") ? line.dropFirst(2) : line }
            if outside { signed = ["[-- Begin signed text --]"] + signed + ["[-- End signed text --]"] }
            lines.replaceSubrange(part.begin...part.end, with: signed)
        }
        return lines.joined(separator: "\n")
    }
}

/// A message signed with inline PGP (`-----BEGIN PGP SIGNED MESSAGE-----`, as Debian's security
/// announcements are): its text without the armour, its dash-escaped lines (`- -- `) as written, and the
/// signature block left out, as mutt shows it. The signature is not checked, and a note says so.
enum InlinePGP {
    static let note = "signed with inline PGP: the signature is not checked"

    /// The text unwrapped, or nil when it holds no signed block.
    static func unwrapped(_ text: String) -> String? {
        guard text.contains("-----BEGIN PGP SIGNED MESSAGE-----") else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let begin = lines.firstIndex(where: { $0 == "-----BEGIN PGP SIGNED MESSAGE-----" }),
              let signature = lines[begin...].firstIndex(where: { $0 == "-----BEGIN PGP SIGNATURE-----" }),
              let end = lines[signature...].firstIndex(where: { $0 == "-----END PGP SIGNATURE-----" }) else { return nil }
        // The armour's header lines (`Hash: SHA256`) and the empty line after them.
        var start = begin + 1
        while start < signature, !lines[start].isEmpty { start += 1 }
        if start < signature { start += 1 }
        var signed = lines[start..<signature].map { line in line.hasPrefix("- ") ? line.dropFirst(2) : line }
        // Text outside the signed part (a list's footer, a note before it) is set apart, as mutt does: the
        // signature, checked or not, would cover none of it.
        let outside = lines[..<begin].contains { !$0.allSatisfy(\.isWhitespace) }
            || lines[(end + 1)...].contains { !$0.allSatisfy(\.isWhitespace) }
        if outside { signed = ["[-- Begin signed text --]"] + signed + ["[-- End signed text --]"] }
        lines.replaceSubrange(begin...end, with: signed)
        return lines.joined(separator: "\n")
    }
}

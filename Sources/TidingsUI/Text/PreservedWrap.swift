import TidingsModel

/// Text whose line breaks are the writer's (mail and news): a line that fits is shown exactly as written,
/// runs of spaces and all (aligned columns, ASCII drawings); a longer one is word-wrapped on its own, its
/// rows kept under the line's indentation.
enum PreservedWrap {
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // Sanitized line by line, so a tab expands from the start of its own line.
            var clean = Substring(UntrustedText.sanitize(String(line)))
            while clean.last == " " { clean = clean.dropLast() }
            if DisplayWidth.of(clean) <= width {
                rows.append(String(clean))
                continue
            }
            let leading = clean.prefix { $0 == " " }.count
            // The indentation is kept only while the text keeps ten cells.
            let indent = min(leading, max(0, width - 10))
            let pad = String(repeating: " ", count: indent)
            rows += TextWrap.wrap(String(clean.dropFirst(leading)), width: width - indent).map { pad + $0 }
        }
        return rows.isEmpty ? [""] : rows
    }
}

import TidingsModel

/// Text whose line breaks are the writer's (mail and news): a line that fits is shown exactly as written,
/// runs of spaces and all (aligned columns, ASCII drawings); a longer one is word-wrapped on its own, its
/// rows kept under the line's indentation. Prose the writer's program wrapped at 72 columns is rewrapped
/// as one paragraph when the pane is narrower than its lines (`ProseRun`), so a narrow pane does not show
/// a long row, a row of one word, a long row, and so on.
enum PreservedWrap {
    /// `joinsProse` false keeps every line apart whatever its width (a signature: name, title, address).
    /// `quoteMarks`: the cells the writer's quote marks took before each line (`> > `), which the filling
    /// program counted (`ProseRun.hadRoom`).
    static func wrap(_ text: String, width: Int, joinsProse: Bool = true, quoteMarks: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        let (lines, widths) = preparedLines(text)
        // From a patch's first line on, every line stands as written (a diff is no prose).
        let patch = joinsProse ? lines.firstIndex { PatchLines.startsPatch($0.utf8) } ?? lines.count : 0
        var index = 0
        // Lines up to here are a list of lines of their own (`ProseRun.areLinesOfTheirOwn`): each stands alone.
        var ownLinesEnd = 0
        while index < lines.count {
            if index < patch, index >= ownLinesEnd, let item = ListItemRun.run(lines, widths, from: index) {
                let end = min(item.end, patch)
                // An item that fits keeps its lines, as a run of prose does.
                if widths[index..<end].contains(where: { $0 > width }) {
                    rows += ListItemRun.wrap(lines[index..<end], marker: item.marker, width: width)
                } else {
                    rows += lines[index..<end].map(String.init)
                }
                index = end
                continue
            }
            var end = index < patch && index >= ownLinesEnd
                ? ProseRun.end(lines, widths, from: index, before: patch, quoteMarks: quoteMarks) : index + 1
            if end - index > 1, ProseRun.areLinesOfTheirOwn(lines[index..<end]) {
                ownLinesEnd = end
                end = index + 1
            }
            if end - index > 1 {
                // A run wider than the pane is joined and wrapped; one that fits keeps its lines (taken as one
                // run, not looked for again from each of its lines: a long text would cost its length squared).
                if widths[index..<end].contains(where: { $0 > width }) {
                    rows += TextWrap.wrap(ProseRun.joined(lines[index..<end]), width: width)
                } else {
                    rows += lines[index..<end].map(String.init)
                }
                index = end
                continue
            }
            let clean = lines[index]
            defer { index += 1 }
            if widths[index] <= width {
                rows.append(String(clean))
                continue
            }
            if isRule(clean) {
                // A rule (a list footer's `_____`) is cut to the pane: wrapped, it left a lone `_` below.
                rows.append(String(clean.prefix(width)))
                continue
            }
            if joinsProse, index >= patch, width >= CodeWrap.markedFrom {
                // A patch's line is code: broken as code is, its rows after the first marked `↪` (a row at
                // the margin would read as a line of the diff of its own).
                let pieces = CodeWrap.pieces(of: String(clean), first: width, rest: width - DisplayWidth.of(CodeWrap.marker))
                rows += pieces.enumerated().map { $0.offset == 0 ? $0.element : CodeWrap.marker + $0.element }
                continue
            }
            let leading = clean.prefix { $0 == " " }.count
            // The indentation is kept only while the text keeps ten cells.
            let indent = min(leading, max(0, width - 10))
            let pad = String(repeating: " ", count: indent)
            rows += keepingSpaces(clean.dropFirst(leading), width: width - indent).map { pad + $0 }
        }
        return rows.isEmpty ? [""] : rows
    }

    /// The text's lines as the wrapper reads them, and their widths: sanitized line by line, so a tab
    /// expands from the start of its own line, and without trailing spaces.
    static func preparedLines(_ text: String) -> (lines: [Substring], widths: [Int]) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line -> Substring in
            var clean = Substring(UntrustedText.sanitize(String(line)))
            while clean.last == " " { clean = clean.dropLast() }
            return clean
        }
        return (lines, lines.map { DisplayWidth.of($0) })
    }

    /// A line that is one ASCII mark written over and over (`______`, `-----`, `=====`): a rule.
    static func isRule(_ line: Substring) -> Bool {
        guard line.count >= 8, let first = line.first, first.isASCII, first.isPunctuation || first.isSymbol else { return false }
        return line.allSatisfy { $0 == first }
    }

    /// A wrapped row in `style`, a patch line's continuation marker (`wrap` puts it there) in the guide colour.
    static func styled(_ row: String, style: Style) -> StyledLine {
        guard row.hasPrefix(CodeWrap.marker) else { return StyledLine(text: row, style: style) }
        return StyledLine(spans: [.init(text: CodeWrap.marker, style: .guide), .init(text: String(row.dropFirst(CodeWrap.marker.count)), style: style)])
    }

    /// A line too wide for the pane broken at spaces, the runs of spaces inside each row kept as written (a
    /// patch's aligned arguments, a table's columns); the spaces where it breaks are left out.
    static func keepingSpaces(_ line: Substring, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        TextWrap.wrapParagraph(line, width: width, keepingSpaces: true, into: &rows)
        return rows
    }
}

/// Lines that read as one paragraph of wrapped prose: each but the last long (the writer's program broke
/// it near its fill column), and each after the first starting a word at the margin (not indented, not a
/// list item).
enum ProseRun {
    /// A line at least this wide was broken by a program filling to about 72 columns, not by its writer.
    static let filledWidth = 50
    /// A line wider than this was not broken by a program that fills lines (they fill to 72, 76 or 78
    /// columns): the writer's own long line, whose break is the writer's (a client that does not wrap).
    static let widestFilled = 80

    /// Whether a line this wide was broken by a program filling to a column.
    static func isFilled(_ width: Int) -> Bool { (filledWidth...widestFilled).contains(width) }

    /// The index just past the run of prose lines starting at `start` (`start + 1` when it is no run), at
    /// most `limit` (where a patch starts).
    static func end(_ lines: [Substring], _ widths: [Int], from start: Int, before limit: Int? = nil, quoteMarks: Int = 0) -> Int {
        guard startsProse(lines[start]), !isListedCommit(lines, start) else { return start + 1 }
        let limit = min(limit ?? lines.count, lines.count)
        var end = start + 1
        while end < limit, isFilled(widths[end - 1]), startsProse(lines[end]), !isListedCommit(lines, end),
              !startsWithLabel(lines[end]) || leavesAWordOpen(lines[end - 1]),
              !hadRoom(quoteMarks + widths[end - 1], for: lines[end]) {
            if widths[end] < filledWidth {
                // A short line ends a wrapped paragraph only where the paragraph ends; one followed by more
                // lines of prose is a line of its own (`Monday: planning` after `…as follows:`), unless it
                // finishes the sentence the line before left open and a short line follows (`Thanks,`).
                let finishesSentence = endsSentence(lines[end]) && !endsSentence(lines[end - 1])
                if end + 1 < limit, !lines[end + 1].isEmpty, startsProse(lines[end + 1]),
                   !(finishesSentence && widths[end + 1] < filledWidth) { break }
                // After a finished sentence, a short line that finishes none is the writer's own: a name
                // signing off (`Bob`, `Thanks,`), not the paragraph's last words.
                if endsSentence(lines[end - 1]), !endsSentence(lines[end]) { break }
            }
            end += 1
        }
        return end
    }

    /// The narrowest column programs fill to (Emacs 70, Vim and mutt 72, git 76 or 78).
    static let narrowestFill = 70

    /// Whether the next line's first word would have fitted on a line this wide: a program filling to its
    /// column would have put it there, so the line was broken by its writer (`…is NOT escaped.` before
    /// `Second line.`), and the break is kept.
    static func hadRoom(_ width: Int, for next: Substring) -> Bool {
        width + 1 + DisplayWidth.of(next.prefix { $0 != " " }) <= narrowestFill
    }

    /// The lines of a run as one paragraph: a space between them, but none after a word broken at a hyphen
    /// (`well-` and `documented` are `well-documented`).
    static func joined(_ lines: ArraySlice<Substring>) -> String {
        var text = ""
        for line in lines {
            if let last = text.last {
                let beforeLast = text.dropLast().last
                // `pre-` before `and post-processing` keeps its space: the word is left open on purpose.
                let next = line.prefix { $0.isLetter }.lowercased()
                let broken = last == "-" && beforeLast?.isLetter == true && line.first?.isLetter == true && !Self.openers.contains(next)
                if !broken { text.append(" ") }
            }
            text += line
        }
        return text
    }

    /// Words after which a hyphen at a line's end was left open (`pre- and post-`), in the languages mail
    /// here is most often in.
    static let openers: Set<String> = ["and", "or", "nor", "und", "oder", "et", "ou", "y", "o", "e", "en"]

    /// Words a sentence cannot end on: a line ending on one goes on in the next even when that starts like
    /// a label (`…it prints the` / `message: cannot bind`), where `server:` or `cpu: Intel` after a full
    /// line start lines of their own.
    static let openWords: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their",
                                         "his", "her", "its", "of", "following"]

    static func leavesAWordOpen(_ line: Substring) -> Bool {
        guard let word = line.split(separator: " ").last else { return false }
        return openWords.contains(word.lowercased())
    }

    /// A line that starts with a label (`E:`, `Err:1`, `Kernel:`, `Disk:`), as program output and
    /// reports write each line: it starts a line of its own, never continues the one before.
    static func startsWithLabel(_ line: Substring) -> Bool {
        guard let first = line.split(separator: " ", maxSplits: 1).first, let colon = first.firstIndex(of: ":") else { return false }
        let name = first[..<colon]
        let after = first[first.index(after: colon)...]
        // A subsystem's name may hold digits after its first letter (`ipv6: fix …`, as a shortlog writes it).
        return (1...12).contains(name.count) && name.first?.isLetter == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            && after.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether the lines of a run read as lines of their own, not as a paragraph a program filled: every
    /// break falls where a sentence or an item ends, before a capital: after `.`, `!`, `?` or a closing
    /// bracket (`… (#1234)`) in three lines or more, or after a word in four or more, as in release notes
    /// or a changelog of one-line items. Filled prose breaks there every time only by chance, the less often
    /// the more lines (German capitalises its nouns, so a break before a capital alone proves little over
    /// two or three lines), and never after a word that leaves its sentence open (`the`, `die`, `from`).
    /// Joined, such items would run into one another; kept, they only wrap.
    static func areLinesOfTheirOwn(_ lines: ArraySlice<Substring>) -> Bool {
        guard lines.count >= 3 else { return false }
        var unmarked = false
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard let first = next.first, first.isUppercase, let last = line.last else { return false }
            if ".!?)]".contains(last) { continue }
            guard last.isLetter || last.isNumber, !endsOnAnOpenWord(line) else { return false }
            unmarked = true
        }
        return !unmarked || lines.count >= 4
    }

    /// Words no item ends on, in the languages mail here is most often in: articles, determiners,
    /// conjunctions and prepositions, after which the sentence goes on in the next line. Not the English
    /// ones an item may end on as a verb's particle (`switched off and back on`, `signed in`).
    static let itemOpenWords: Set<String> = [
        "the", "a", "an", "of", "and", "or", "that", "this", "these", "those", "its", "their", "to", "with",
        "from", "for", "by", "at", "into", "than",
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "und", "oder", "mit", "von",
        "zu", "für", "bei", "nach", "aus", "im", "am", "vom", "zum", "zur",
        "le", "la", "les", "un", "une", "du", "et", "ou", "avec", "pour", "dans", "sur",
        "el", "los", "las", "y", "con", "por", "para",
    ]

    /// A line of a commit list as `git log --oneline` writes it (`d0d6370 An HTML …`), or of a patch
    /// series' list (`[PATCH 2/4] drm/i915: …`), beside another such line: each stands alone. One alone is
    /// prose (`…introduced by commit` / `3a4b5c6d7e8f ("mm: …"), which`).
    static func isListedCommit(_ lines: [Substring], _ index: Int) -> Bool {
        guard startsWithCommit(lines[index]) else { return false }
        return (index > 0 && startsWithCommit(lines[index - 1])) || (index + 1 < lines.count && startsWithCommit(lines[index + 1]))
    }

    private static func startsWithCommit(_ line: Substring) -> Bool {
        if line.hasPrefix("[PATCH") || line.hasPrefix("[RFC") { return true }
        guard let hash = line.split(separator: " ", maxSplits: 1).first else { return false }
        return (7...40).contains(hash.count) && hash.allSatisfy(\.isHexDigit) && hash.contains(where: \.isNumber)
    }

    static func endsOnAnOpenWord(_ line: Substring) -> Bool {
        guard let word = line.split(separator: " ").last else { return false }
        return itemOpenWords.contains(word.lowercased())
    }

    /// A line whose last character ends a sentence.
    static func endsSentence(_ line: Substring) -> Bool {
        guard let last = line.last(where: { $0 != " " }) else { return false }
        return ".!?".contains(last)
    }

    private static func startsProse(_ line: Substring) -> Bool {
        guard let first = line.first, first != " ", first != "\t" else { return false }
        if "-*+•|>".contains(first), line.dropFirst().first == " " { return false }
        // A patch's removed and added lines (`-static int …`, `+#include`) and its hunk lines; not an option
        // named in prose (`--enable-foo to get …`).
        let option = line.hasPrefix("--") && line.dropFirst(2).first?.isLetter == true
        if (first == "-" && !option) || first == "+" || line.hasPrefix("@@") { return false }
        // A numbered item (`2. text`, `2) text`), not a version (`2.6.35 is …`).
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")",
           line.dropFirst(digits.count + 1).first.map({ $0 == " " }) ?? true { return false }
        return !isStructured(line)
    }

    /// A line of a log, a table or a program's output, which keeps its line whatever the pane's width: it
    /// starts with a time or a date and time (`10:00:01`, `2026-11-26 10:00:01`), a file and line
    /// (`fsl_rio.c:248:`) or a path a tool names (`arch/powerpc/fsl_rio.c:`); it lines up columns with
    /// runs of spaces (not the two after a full stop some writers type); or it is less than two-thirds
    /// letters among its letters and marks (code: `if (x->y[0] != NULL) {`). Digits count for neither:
    /// prose has dates and times too.
    static func isStructured(_ line: Substring) -> Bool {
        let words = line.split(separator: " ", maxSplits: 2)
        if let first = words.first {
            if isTime(first) || (isDate(first) && words.count > 1 && isTime(words[1])) { return true }
            // A log's level before a date or a number (`ERROR 2024-01-01 main: …`, `WARN [12] …`).
            if first.count >= 3, first.allSatisfy({ $0.isASCII && $0.isUppercase }), words.count > 1,
               let next = words[1].first, next.isNumber || next == "[" { return true }
            // A path a tool names as it speaks (`arch/powerpc/fsl_rio.c: In function`), or a file and line
            // (`fsl_rio.c:248: error:`).
            if first.contains("/"), first.hasSuffix(":") { return true }
            if first.hasSuffix(":"), let colon = first.firstIndex(of: ":"), colon != first.index(before: first.endIndex),
               first[first.index(after: colon)...].first?.isNumber == true, first[..<colon].contains(where: \.isLetter) { return true }
        }
        var letters = 0, others = 0, spaces = 0
        var previous: Character?
        for character in line {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces >= 2, let previous, !".!?:".contains(previous) { return true }
            spaces = 0
            if character.isLetter { letters += 1 } else if !character.isNumber { others += 1 }
            previous = character
        }
        return letters * 3 < (letters + others) * 2
    }

    /// A log's time: `10:00:01`, `10:00:01.123`, `[10:00]`; not a bare `10:00`, which prose has.
    private static func isTime(_ word: Substring) -> Bool {
        let bracketed = word.first == "["
        let core = word.drop { $0 == "[" }.prefix { $0.isNumber || $0 == ":" || $0 == "." }
        let parts = core.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= (bracketed ? 2 : 3) && parts[0].count <= 2 && parts[0].allSatisfy(\.isNumber) && parts[1].count == 2
    }

    /// `2026-11-26`, `2026/11/26`, `26.11.2026`.
    private static func isDate(_ word: Substring) -> Bool {
        let core = word.drop { $0 == "[" }
        guard core.first?.isNumber == true else { return false }
        return core.filter({ "-/.".contains($0) }).count >= 2 && core.prefix(10).allSatisfy { $0.isNumber || "-/.".contains($0) }
    }
}

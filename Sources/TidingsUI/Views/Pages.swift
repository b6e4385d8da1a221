import TidingsModel

/// The text of the two pages drawn over the reader, wrapped to a width: the help, built from the key
/// table, and the problem list. Nothing on them is ever cut: long lines wrap.
enum Pages {
    /// Columns from the left edge of the screen to the page text, and kept free at the right.
    static let leftMargin = 2
    static let rightMargin = 1

    static func textWidth(screenWidth: Int) -> Int { max(1, screenWidth - leftMargin - rightMargin) }

    static func help(keyMap: KeyMap, width: Int) -> [StyledLine] {
        var lines = [StyledLine(text: "Tidings: keys", style: .bold)]
        let sections = keyMap.helpSections()
        let allKeys = sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }
        let keyColumn = min(16, (allKeys.max() ?? 0) + 2)
        // Side by side while the description keeps a readable column; else the keys on a line of their own.
        let sideBySide = width - keyColumn >= 24
        for section in sections {
            lines.append(StyledLine(text: "", style: .plain))
            lines += TextWrap.wrap(section.title, width: width).map { StyledLine(text: $0, style: Style(color: .accent, bold: true)) }
            for entry in section.entries {
                if sideBySide, DisplayWidth.of(entry.keys) < keyColumn {
                    let wrapped = TextWrap.wrap(entry.summary, width: width - keyColumn)
                    let padding = String(repeating: " ", count: keyColumn - DisplayWidth.of(entry.keys))
                    lines.append(StyledLine(text: entry.keys + padding + wrapped[0], style: .plain))
                    let indent = String(repeating: " ", count: keyColumn)
                    lines += wrapped.dropFirst().map { StyledLine(text: indent + $0, style: .plain) }
                } else {
                    lines += TextWrap.wrap(entry.keys, width: width).map { StyledLine(text: $0, style: .bold) }
                    lines += indented(entry.summary, by: 2, width: width, style: .plain)
                }
            }
        }
        lines.append(StyledLine(text: "", style: .plain))
        lines += TextWrap.wrap("Read state is saved as you go and on quit.", width: width).map { StyledLine(text: $0, style: .dim) }
        return lines
    }

    static func problems(session: [String], config: [String] = [], failed: [LoadProblem], skipped: [LoadProblem], messages: [String],
                         width: Int) -> [StyledLine] {
        var lines = [StyledLine(text: "Problems and messages", style: .bold)]
        func heading(_ text: String) {
            lines.append(StyledLine(text: "", style: .plain))
            lines += TextWrap.wrap(text, width: width).map { StyledLine(text: $0, style: Style(color: .accent, bold: true)) }
        }
        if !session.isEmpty {
            heading("Read state")
            for text in session { lines += indented(text, by: 2, width: width, style: .warning) }
        }
        if !config.isEmpty {
            heading("Config file")
            for text in config { lines += indented(text, by: 2, width: width, style: .warning) }
        }
        if failed.isEmpty {
            heading("Every file loaded without problems.")
        } else {
            lines += fileGroups(failed, width: width, reasonStyle: .warning)
        }
        if !skipped.isEmpty {
            lines += fileGroups(skipped, width: width, reasonStyle: .dim)
        }
        if !messages.isEmpty {
            heading("Recent messages, newest first")
            for text in messages.reversed() { lines += indented(text, by: 2, width: width, style: .plain) }
        }
        return lines
    }

    /// Files that failed alike under one heading ("3 binary files"); the reason is repeated under each path
    /// only when the heading does not already say it all.
    private static func fileGroups(_ problems: [LoadProblem], width: Int, reasonStyle: Style) -> [StyledLine] {
        var order: [String] = []
        var groups: [String: [LoadProblem]] = [:]
        for problem in problems {
            let key = problem.failure.group
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(problem)
        }
        var lines: [StyledLine] = []
        for key in order {
            let members = groups[key]!
            lines.append(StyledLine(text: "", style: .plain))
            lines += TextWrap.wrap(members[0].failure.groupHeading(count: members.count), width: width)
                .map { StyledLine(text: $0, style: Style(color: .accent, bold: true)) }
            for problem in members {
                // A name may hold a line break or control characters: one line, shown as `dump` shows it.
                lines += indented(UntrustedText.sanitize(problem.path), by: 2, width: width, style: .plain)
                if !problem.failure.headingSaysItAll { lines += indented(problem.reason, by: 4, width: width, style: reasonStyle) }
            }
        }
        return lines
    }

    /// Wraps text with every line indented, falling back to no indent when the width leaves no room.
    static func indented(_ text: String, by indent: Int, width: Int, style: Style) -> [StyledLine] {
        let margin = width - indent >= 8 ? indent : 0
        let pad = String(repeating: " ", count: margin)
        return TextWrap.wrap(text, width: width - margin).map { StyledLine(text: pad + $0, style: style) }
    }
}

/// A line of text being typed on the status line (a search, a find): characters, a cursor, and the keys
/// of a shell's line: ←/→, Home/End (C-a/C-e), Backspace, Delete, C-u (clear before the cursor), C-w (the
/// word before the cursor).
struct LineEditor: Sendable, Equatable {
    enum Outcome: Equatable {
        case edited, moved, submit, cancel, ignored
    }

    private(set) var characters: [Character]
    private(set) var cursor: Int
    /// Typed lines are short; a paste of a whole file stops here.
    static let limit = 500

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }

    mutating func handle(_ key: KeyPress) -> Outcome {
        if key.modifiers.contains(.control), case .character(let letter) = key.base {
            switch letter {
            case "a": cursor = 0; return .moved
            case "e": cursor = characters.count; return .moved
            case "b": return move(-1)
            case "f": return move(1)
            case "u":
                characters.removeSubrange(0..<cursor)
                cursor = 0
                return .edited
            case "w":
                var start = cursor
                while start > 0, characters[start - 1] == " " { start -= 1 }
                while start > 0, characters[start - 1] != " " { start -= 1 }
                characters.removeSubrange(start..<cursor)
                cursor = start
                return .edited
            case "h": return deleteBack()
            case "d": return deleteForward()
            case "g", "c": return .cancel
            case "m", "j": return .submit
            default: return .ignored
            }
        }
        guard !key.modifiers.contains(.alt) else { return .ignored }
        switch key.base {
        case .enter: return .submit
        case .escape: return .cancel
        case .left: return move(-1)
        case .right: return move(1)
        case .home: cursor = 0; return .moved
        case .end: cursor = characters.count; return .moved
        case .backspace: return deleteBack()
        case .delete: return deleteForward()
        case .character(let character):
            // Control characters never enter the line (a pasted escape sequence is dropped, not kept).
            guard characters.count < Self.limit, !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return .ignored
            }
            characters.insert(character, at: cursor)
            cursor += 1
            regroup()
            return .edited
        default: return .ignored
        }
    }

    /// Inserts pasted text at the cursor: line breaks, tabs and other control characters become spaces.
    /// Returns whether it was cut at `limit`.
    mutating func insert(_ text: String) -> Bool {
        var cut = false
        for character in text {
            guard characters.count < Self.limit else { cut = true; break }
            let isControl = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            characters.insert(isControl ? " " : character, at: cursor)
            cursor += 1
        }
        regroup()
        return cut
    }

    /// Keys bring a character's parts one at a time (an accent after its letter, the people of a family
    /// emoji): the line is grouped into characters again, so the cursor moves and deletes whole ones.
    private mutating func regroup() {
        let before = String(characters[0..<cursor])
        let regrouped = Array(String(characters))
        guard regrouped.count != characters.count else { return }
        characters = regrouped
        // The cursor stays after what was before it, now grouped (a mark joins the letter before it).
        cursor = min(characters.count, Array(before).count)
    }

    private mutating func move(_ step: Int) -> Outcome {
        cursor = min(max(0, cursor + step), characters.count)
        return .moved
    }

    private mutating func deleteBack() -> Outcome {
        guard cursor > 0 else { return .ignored }
        characters.remove(at: cursor - 1)
        cursor -= 1
        return .edited
    }

    private mutating func deleteForward() -> Outcome {
        guard cursor < characters.count else { return .ignored }
        characters.remove(at: cursor)
        return .edited
    }

    /// The line as shown in `width` cells after a label: the part around the cursor, and the cursor's column.
    func shown(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        var before = DisplayWidth.of(String(characters[0..<cursor]))
        // Keep the cursor on screen: drop characters from the left until it fits, with a cell to spare (and
        // one for the `…` that says the line goes on to the left).
        while before > width - 1, start < cursor {
            before -= DisplayWidth.of(characters[start])
            start += 1
            if start == 1 { before += 1 }
        }
        let shown = String(characters[start...])
        guard start > 0 else { return (TextWrap.truncate(shown, width: width), before) }
        return ("…" + TextWrap.truncate(shown, width: width - 1), before)
    }
}

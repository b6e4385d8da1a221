import TidingsModel

/// Keys while a line is typed on the status line: they edit it; Enter sends it, Esc (or C-g) drops it.
extension AppState {
    mutating func handlePromptKey(_ key: KeyPress) {
        guard var prompt else { return }
        let outcome = prompt.editor.handle(key)
        self.prompt = prompt
        if outcome == .edited { promptProblem = nil }
        switch prompt.purpose {
        case .search:
            switch outcome {
            case .submit: submitSearch(prompt.editor.text)
            case .cancel:
                self.prompt = nil
                promptProblem = nil
            case .edited, .moved, .ignored: break
            }
        case .find(let origin):
            switch outcome {
            case .submit: finishFind(prompt.editor.text)
            case .cancel: cancelFind(origin)
            case .edited: findAsTyped(prompt.editor.text, from: origin)
            case .moved, .ignored: break
            }
        case .linkNumber:
            switch outcome {
            case .submit: submitLinkNumber(prompt.editor.text, complete: true)
            case .cancel:
                self.prompt = nil
                promptProblem = nil
            case .edited:
                submitLinkNumber(prompt.editor.text, complete: false)
            case .moved, .ignored: break
            }
        }
        needsFrame = true
    }

    /// After an edit that did not come from a key (a paste): a find follows the text as typed.
    private mutating func handlePromptEdit(_ prompt: Prompt) {
        if case .find(let origin) = prompt.purpose { findAsTyped(prompt.editor.text, from: origin) }
    }

    /// A paste goes into the line being typed (line breaks and tabs become spaces), as one edit; with no
    /// line open it is dropped, so pasted text never runs commands.
    mutating func receivePaste(_ text: String) {
        guard var prompt, question == nil else {
            message = "Pasted text ignored: keys are never taken from a paste"
            return
        }
        let cut = prompt.editor.insert(text)
        self.prompt = prompt
        promptProblem = cut ? "cut at \(LineEditor.limit) characters" : nil
        handlePromptEdit(prompt)
    }

    /// The prompt on the status line: label, the visible part of the line, a block cursor, and after it why
    /// the line cannot be used (a bad query) or that the text is not found.
    func drawPrompt(_ screen: inout ScreenBuffer, area: Rect, prompt: Prompt) {
        let label = prompt.label(width: area.width)
        var x = area.x + 1
        x += screen.write(label, x: x, y: area.y, maxWidth: area.maxX - x, style: .status)
        let note = promptProblem.map { "  " + $0 } ?? ""
        // The note takes only the room the typed line leaves (what is typed matters more; the note is also
        // among the recent messages).
        let room = area.maxX - x - 1
        let typedWidth = DisplayWidth.of(prompt.editor.text) + 1
        let noteWidth = min(DisplayWidth.of(note), max(0, room - max(typedWidth, 12)))
        let (text, cursor) = prompt.editor.shown(width: max(1, room - noteWidth))
        screen.write(text, x: x, y: area.y, maxWidth: area.maxX - x, style: .status)
        let cursorX = x + cursor
        if cursorX < area.maxX {
            let under = screen[cursorX, area.y]
            screen.write(under.isContinuation || under.text == " " ? " " : under.text, x: cursorX, y: area.y, maxWidth: 2,
                         style: Style(bold: true))
        }
        let noteStyle = Style(color: .warning, bold: true, reverse: true)
        if let problem = promptProblem, DisplayWidth.of(note) > noteWidth, area.y > 0 {
            // No room beside the typed line (a narrow terminal): the whole reason goes on the rows just above
            // the status line, over the bottom of the pane, at most three and never the top row.
            let lines = TextWrap.wrap(problem, width: max(1, area.width - 2))
            let count = min(lines.count, 3, area.y)
            for (offset, line) in lines.prefix(count).enumerated() {
                let y = area.y - count + offset
                let shown = offset == count - 1 && lines.count > count ? TextWrap.truncate(line + " " + lines[count...].joined(separator: " "), width: area.width - 2) : line
                screen.pad(x: area.x, y: y, count: area.width, style: noteStyle)
                screen.write(shown, x: area.x + 1, y: y, maxWidth: area.width - 2, style: noteStyle)
            }
        } else if noteWidth > 0 {
            let noteX = area.maxX - noteWidth - 1
            screen.write(TextWrap.truncate(note, width: noteWidth), x: noteX, y: area.y, maxWidth: noteWidth, style: noteStyle)
        }
    }
}

import CNcursesw
import Foundation
import TidingsUI

/// The only code that talks to curses: it copies a `ScreenBuffer` to the terminal and turns input into keys.
final class CursesTerminal {
    /// What `readKey` saw.
    enum Input {
        case key(KeyPress)
        case mouse(MouseEvent)
        case resize
        /// Text the terminal marked as pasted (bracketed paste): never taken as keys.
        case paste(String)
        case timeout
    }

    private let screen: OpaquePointer
    private var shown: ScreenBuffer?
    private var colorPairs: [ColorRole: Int16] = [:]
    /// The style drawn last, with its curses attributes and colour pair.
    private var lastLook: (style: Style, attributes: attr_t, pair: Int16)?
    /// Colour, or attributes alone (`NO_COLOR`, or a terminal without colours): the reader draws for it.
    let colorMode: ColorMode
    private var closed = false
    /// A key read just after an Esc, to be returned by the next `readKey`.
    private var afterEscapeKept: (Int32, wint_t)?

    /// Why the terminal cannot be used; the message tells the user what to do instead.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks that the reader can run here without touching the screen: stdin and stdout are a terminal and
    /// `TERM` names a type this system describes. Called before anything else is read or written, so a run
    /// that cannot show the reader changes nothing.
    static func checkUsable(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw Unavailable(description: "not a terminal: tidings needs one to show the reader; use `tidings dump PATH` for text output")
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw Unavailable(description: "TERM is \(term.isEmpty ? "not set" : "'dumb'"): tidings needs a terminal that can move the cursor; use `tidings dump PATH` for text output")
        }
        guard tidings_terminal_type_known(term) != 0 else { throw unknownType(term) }
    }

    private static func unknownType(_ term: String) -> Unavailable {
        Unavailable(description: "the terminal type '\(term)' is unknown here; use `tidings dump PATH` for text output")
    }

    /// Opens the screen; `checkUsable` has passed.
    init(mouse: Bool = true, theme: Theme = .standard) throws {
        try Self.checkUsable()
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let created = newterm(nil, tidings_stdout(), tidings_stdin()) else {
            throw Self.unknownType(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        screen = created
        set_term(created)
        raw()  // Ctrl-C arrives as a key, so quitting always goes through the save path
        noecho()
        nonl()
        keypad(tidings_stdscr(), true)
        // Home and End as terminals send them under other TERM settings (tmux, screen, rxvt, PuTTY): without
        // these, the sequence would arrive as Esc and letters.
        for (sequence, code) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
                                 ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END)] {
            define_key(sequence, code)
        }
        set_escdelay(25)
        curs_set(0)
        wtimeout(tidings_stdscr(), 100)
        if mouse { tidings_enable_mouse() }
        // Bracketed paste: the terminal marks pasted text, so a paste is text for the line being typed, never
        // keys (a pasted newline would otherwise send a search and run the rest as commands).
        Self.setBracketedPaste(true)
        colorMode = ColorMode.choose(noColor: ProcessInfo.processInfo.environment["NO_COLOR"], terminalHasColors: has_colors())
        // In monochrome no colour is ever started, so no pair exists and every cell goes out in pair 0.
        if colorMode == .color {
            start_color()
            use_default_colors()
            // `#rrggbb` colours change palette entries where the terminal can (ncurses puts the palette back
            // at exit), else come as near as its colours allow.
            let fit = ColorFit(theme: theme, colors: Int(tidings_colors()), canChange: can_change_color())
            for definition in fit.definitions {
                _ = init_color(definition.slot, definition.red, definition.green, definition.blue)
            }
            // One pair per role the theme colours, on the terminal's default background (-1).
            for (offset, role) in ColorRole.allCases.filter({ fit.foregrounds[$0] != nil }).enumerated() {
                let pair = Int16(offset + 1)
                if let foreground = fit.foregrounds[role], init_pair(pair, foreground, -1) == OK { colorPairs[role] = pair }
            }
        }
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(tidings_stdscr())), Int(getmaxy(tidings_stdscr())))
    }

    /// Draws the cells that changed since the last frame.
    func present(_ buffer: ScreenBuffer) {
        guard let window = tidings_stdscr() else { return }
        let previous = shown.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if previous == nil { werase(window) }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell, x + 1 >= buffer.width || previous[x + 1, y] == buffer[x + 1, y] { continue }
                draw(cell, x: x, y: y, window: window, followedByContinuation: x + 1 < buffer.width && buffer[x + 1, y].isContinuation)
            }
        }
        shown = buffer
        wnoutrefresh(window)
        doupdate()
    }

    private func draw(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>, followedByContinuation: Bool) {
        let (attributes, pair) = look(of: cell.style)
        // Most cells hold one character one cell wide (letters, spaces, rules): put as they are, with nothing
        // made on the heap; a full screen is thousands of them.
        if !followedByContinuation, let only = Self.singleScalar(cell.text),
           only >= 0x20 && only < 0x7F || tidings_wcwidth(only) == 1 {
            var characters: (wchar_t, wchar_t) = (only, 0)
            _ = withUnsafePointer(to: &characters) { pointer in
                pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { tidings_put_cell(window, Int32(y), Int32(x), $0, attributes, pair) }
            }
            return
        }
        let scalars = Array(cell.text.unicodeScalars)
        guard let first = scalars.first else { return }
        let base = wchar_t(bitPattern: first.value)
        // A curses cell holds one spacing character plus combining marks; anything else in the cluster
        // stays out, as terminals disagree on how it changes widths, and a disagreement shifts the whole row.
        // ZWJ sequences and skin tones never get here whole: the buffer holds their parts, a cell each
        // (`ClusterParts`). A flag shows its two letters.
        var characters = [base] + scalars.dropFirst().filter(Self.isCombiningMark).prefix(4)
            .map { wchar_t(bitPattern: $0.value) }
        let secondNarrow = scalars.dropFirst().map { wchar_t(bitPattern: $0.value) }.first { tidings_wcwidth($0) == 1 }
        var cursesWidth = Int(tidings_wcwidth(base))
        let expected = followedByContinuation ? 2 : 1
        // The C library may measure a character differently; never let that shift the rest of the row.
        // Width 0 to curses would leave the old cell showing; a negative width is unprintable to it.
        if cursesWidth <= 0 || cursesWidth > expected {
            characters = [wchar_t(0xFFFD)]
            cursesWidth = 1
        }
        characters.append(0)
        _ = tidings_put_cell(window, Int32(y), Int32(x), characters, attributes, pair)
        if expected == 2, cursesWidth == 1 {
            // Two narrow characters in one cluster (a flag's regional indicators) take a cell each;
            // otherwise the second cell is blanked.
            var second: [wchar_t] = [secondNarrow ?? 32, 0]
            _ = tidings_put_cell(window, Int32(y), Int32(x + 1), &second, attributes, pair)
        }
    }

    /// The one scalar of a cell's text, or nil when it has none or several.
    private static func singleScalar(_ text: String) -> wchar_t? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return wchar_t(bitPattern: first.value)
    }

    /// The curses attributes and colour pair of a style; the last one is kept, as runs of cells share theirs.
    private func look(of style: Style) -> (attr_t, Int16) {
        if let last = lastLook, last.style == style { return (last.attributes, last.pair) }
        let look = (attributes(style), colorPairs[style.color] ?? 0)
        lastLook = (style, look.0, look.1)
        return look
    }

    /// A character drawn on the one before it: a mark, or a Hangul vowel or final consonant after its initial
    /// (a syllable written in jamo), each of no width of its own.
    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let drawnOnBase: Bool
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: drawnOnBase = true
        default: drawnOnBase = (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
        }
        return drawnOnBase && tidings_wcwidth(wchar_t(bitPattern: value)) == 0
    }

    private func attributes(_ style: Style) -> attr_t {
        var value = tidings_attr_normal()
        if style.bold { value |= tidings_attr_bold() }
        if style.reverse { value |= tidings_attr_reverse() }
        if style.dim { value |= tidings_attr_dim() }
        if style.underline { value |= tidings_attr_underline() }
        return value
    }

    /// How long `readKey` waits: short while work arrives from other threads, longer when idle.
    func setInputTimeout(milliseconds: Int32) {
        wtimeout(tidings_stdscr(), milliseconds)
    }

    /// Waits up to the input timeout for a key.
    func readKey() -> Input {
        // What came right after an Esc, read then and kept for this call (a resize, a second Esc).
        if let (result, character) = afterEscapeKept {
            afterEscapeKept = nil
            return translate(result, character)
        }
        var character: wint_t = 0
        let result = wget_wch(tidings_stdscr(), &character)
        return translate(result, character)
    }

    /// The input a `wget_wch` result stands for.
    private func translate(_ result: Int32, _ character: wint_t) -> Input {
        if result == ERR { return .timeout }
        if result == tidings_key_code_yes() {
            switch Int32(character) {
            case KEY_RESIZE:
                shown = nil
                return .resize
            case KEY_MOUSE:
                var x: Int32 = 0, y: Int32 = 0
                switch tidings_read_mouse(&x, &y) {
                case 1: return .mouse(MouseEvent(.click, x: Int(x), y: Int(y)))
                case 2: return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
                case 3: return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
                default: return .timeout
                }
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_IC: return .key(KeyPress(.insert))
            case KEY_DC: return .key(KeyPress(.delete))
            case KEY_F0 + 1...KEY_F0 + 63: return .key(KeyPress(.function(Int(character) - Int(KEY_F0))))
            default: return .timeout
            }
        }
        switch character {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return afterEscape()
        case 8, 127: return .key(.backspace)
        case 1...26:
            // Raw mode: Ctrl-C, Ctrl-L and Ctrl-Z arrive as characters and go through the key table.
            return .key(.control(Character(Unicode.Scalar(UInt8(character) + 0x60))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)), character >= 32 else { return .timeout }
            return .key(.character(Character(scalar)))
        }
    }

    /// Sends a control sequence of the reader's own (never document text) straight to the terminal, after
    /// the frame curses last wrote and before the next: it changes nothing on the screen.
    func writeBetweenFrames(_ sequence: String) {
        fputs(sequence, tidings_stdout())
        fflush(tidings_stdout())
    }

    /// Makes the next frame clear the terminal and draw every cell, repairing whatever another program drew.
    func redrawEverything() {
        shown = nil
        clearok(tidings_stdscr(), true)
    }

    /// Restores the terminal and stops the process (as Ctrl-Z does in a cooked terminal); when the shell
    /// continues it, curses mode comes back and the next frame redraws everything.
    func suspend() {
        Self.setBracketedPaste(false)
        endwin()
        let previous = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Running again after `fg`.
        signal(SIGTSTP, previous)
        reset_prog_mode()
        Self.setBracketedPaste(true)
        redrawEverything()
    }

    /// Esc alone, Alt with a key (Esc then the key at once), or a sequence curses does not know, which is
    /// read to its end and dropped, so its letters never act as keys.
    private func afterEscape() -> Input {
        guard let window = tidings_stdscr() else { return .key(.escape) }
        wtimeout(window, 0)
        defer { wtimeout(window, 100) }
        var next: wint_t = 0
        let result = wget_wch(window, &next)
        if result == ERR { return .key(.escape) }
        // A key code (a resize, an arrow) or a second Esc right after an Esc is the next input, not lost.
        if result == tidings_key_code_yes() || next == 27 {
            afterEscapeKept = (result, next)
            return .key(.escape)
        }
        if next == 0x5B || next == 0x4F {  // CSI `[` or SS3 `O`
            wtimeout(window, 5)
            let sequence = readSequence(window)
            if next == 0x5B, sequence == "200~" { return .paste(readPaste(window)) }
            return .timeout
        }
        guard next >= 32, let scalar = Unicode.Scalar(UInt32(next)) else { return .key(.escape) }
        return .key(KeyPress(.character(Character(scalar)), modifiers: .alt))
    }

    /// The parameters and final byte of a CSI sequence, up to 32 characters (`200~`).
    private func readSequence(_ window: UnsafeMutablePointer<WINDOW>) -> String {
        var text = ""
        for _ in 0..<32 {
            var byte: wint_t = 0
            guard wget_wch(window, &byte) != ERR, let scalar = Unicode.Scalar(UInt32(byte)) else { break }
            text.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(byte) { break }
        }
        return text
    }

    /// The text of a bracketed paste, up to its end mark (`ESC [ 201 ~`) or until the terminal sends nothing
    /// for half a second; at most 64 KiB is kept (the rest is read and dropped).
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>) -> String {
        wtimeout(window, 500)
        var text = ""
        var kept = 0
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR { break }
            if result == tidings_key_code_yes() { continue }
            if character == 27 {
                var next: wint_t = 0
                if wget_wch(window, &next) != ERR, next == 0x5B, readSequence(window) == "201~" { break }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(character)), kept < 65_536 else { continue }
            text.unicodeScalars.append(scalar)
            kept += 1
        }
        return text
    }

    private static func setBracketedPaste(_ on: Bool) {
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", tidings_stdout())
        fflush(tidings_stdout())
    }

    /// Leaves curses mode and restores the terminal as it was.
    func close() {
        guard !closed else { return }
        closed = true
        Self.setBracketedPaste(false)
        endwin()
        delscreen(screen)
    }
}

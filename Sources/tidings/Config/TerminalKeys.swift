import TidingsUI

/// Which keys `CursesTerminal.readKey` can report: a binding to any other key would never run, so the
/// config file is told so rather than left to wonder.
enum TerminalKeys {
    /// Nil when the key can arrive; else what to write instead, or why it cannot.
    static func problem(with key: KeyPress) -> String? {
        switch (key.base, key.modifiers) {
        case (.character(let character), []) where character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }:
            return "a control character arrives as C- and its letter, or as the key it is (Tab, Enter, Esc, Bksp)"
        case (_, []), (.tab, [.shift]), (.character, [.alt]):
            return nil
        case (.character(let character), [.control]):
            // Raw mode: Ctrl with a letter is a control character, and four of them are other keys already.
            switch character {
            case "i": return "the terminal sends C-i as Tab: write \"Tab\""
            case "m", "j": return "the terminal sends \(key) as Enter: write \"Enter\""
            case "h": return "the terminal sends C-h as Bksp: write \"Bksp\""
            case "a"..."z": return nil
            default: return "the terminal has no \(key): Ctrl goes with a letter"
            }
        default:
            return "the terminal does not report \(key) as a key of its own"
        }
    }
}

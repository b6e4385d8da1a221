/// A key as the reader understands it, independent of curses: a named key or a character, with
/// modifiers. It prints and parses as the help writes it: `C-c`, `S-Tab`, `M-x`, `PgDn`, `Space`, `G`.
public struct KeyPress: Hashable, Sendable, CustomStringConvertible {
    /// The key without modifiers.
    public enum Base: Hashable, Sendable {
        case up, down, left, right, pageUp, pageDown, home, end
        case tab, enter, escape, backspace, insert, delete
        case character(Character)
        /// F1 to F12 (and beyond, as the terminal reports them).
        case function(Int)
    }

    /// Keys held with the base key.
    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let control = Modifiers(rawValue: 1)
        public static let shift = Modifiers(rawValue: 2)
        public static let alt = Modifiers(rawValue: 4)
    }

    public var base: Base
    public var modifiers: Modifiers

    public init(_ base: Base, modifiers: Modifiers = []) {
        self.base = base
        // Ctrl with a letter is the same key whichever case the terminal reports.
        if modifiers.contains(.control), case .character(let letter) = base {
            self.base = .character(Character(letter.lowercased()))
        }
        self.modifiers = modifiers
    }

    public static let up = KeyPress(.up), down = KeyPress(.down), left = KeyPress(.left), right = KeyPress(.right)
    public static let pageUp = KeyPress(.pageUp), pageDown = KeyPress(.pageDown), home = KeyPress(.home), end = KeyPress(.end)
    public static let tab = KeyPress(.tab), backTab = KeyPress(.tab, modifiers: .shift)
    public static let enter = KeyPress(.enter), escape = KeyPress(.escape), backspace = KeyPress(.backspace)
    public static func character(_ character: Character) -> KeyPress { KeyPress(.character(character)) }
    /// A letter with Ctrl held: `control("l")` is Ctrl-L.
    public static func control(_ letter: Character) -> KeyPress { KeyPress(.character(letter), modifiers: .control) }

    private static let names: [(Base, String)] = [
        (.up, "Up"), (.down, "Down"), (.left, "Left"), (.right, "Right"), (.pageUp, "PgUp"), (.pageDown, "PgDn"),
        (.home, "Home"), (.end, "End"), (.tab, "Tab"), (.enter, "Enter"), (.escape, "Esc"), (.backspace, "Bksp"),
        (.insert, "Ins"), (.delete, "Del"),
        (.character(" "), "Space"),
    ]

    public var description: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "C-" }
        if modifiers.contains(.alt) { prefix += "M-" }
        if modifiers.contains(.shift) { prefix += "S-" }
        if let name = Self.names.first(where: { $0.0 == base })?.1 { return prefix + name }
        if case .character(let character) = base { return prefix + String(character) }
        if case .function(let number) = base { return prefix + "F\(number)" }
        return prefix
    }

    /// The arrow a status hint shows for this key, if it is a plain arrow key.
    var arrow: String? {
        guard modifiers.isEmpty else { return nil }
        switch base {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        default: return nil
        }
    }

    /// Reads a key as `description` writes it; nil for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text)
        var modifiers: Modifiers = []
        while rest.count > 2, rest.dropFirst().first == "-" {
            switch rest.first {
            case "C": modifiers.insert(.control)
            case "M": modifiers.insert(.alt)
            case "S": modifiers.insert(.shift)
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        if let named = Self.names.first(where: { $0.1.lowercased() == rest.lowercased() }) {
            self.init(named.0, modifiers: modifiers)
        } else if rest.count >= 2, rest.first == "F", let number = Int(rest.dropFirst()), (1...63).contains(number) {
            self.init(.function(number), modifiers: modifiers)
        } else if rest.count == 1, let character = rest.first {
            self.init(.character(character), modifiers: modifiers)
        } else {
            return nil
        }
    }
}

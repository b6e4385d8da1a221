import TidingsModel
import TidingsUI
import TOMLKit

/// Reads the config file's text into settings. Each setting that is wrong (unknown, of the wrong type, out
/// of range, a bad key or colour, an unknown operation) is one problem at its key's line, and everything
/// else still applies; a TOML syntax error is one problem at the line the parser names, and then nothing
/// applies (the parser gives no partial result).
struct ConfigReader {
    private(set) var settings = ReaderSettings.standard
    private(set) var problems: [ConfigProblem] = []
    private let lines: ConfigLines

    /// The places of `[keys.…]`: `all` is wherever each operation applies, and comes first, so a place's own
    /// table wins over it.
    static let keyPlaces: [(name: String, contexts: Set<InputContext>?)] = [
        ("all", nil), ("list", [.storyList]), ("text", [.storyText]), ("comments", [.comments]), ("help", [.help]),
        ("problems", [.problems]),
    ]

    static let settingNames = ["side_by_side_width", "sort", "hide_read", "mouse", "colors", "keys"]

    init(_ text: String) {
        lines = ConfigLines(text)
        if let line = lines.unsafeLine {
            problems.append(ConfigProblem(line: line, text: "a table header without a name, a bracket closing one of the other kind (] for {, } for [), or a key of more than \(ConfigLines.mostParts) dotted parts; nothing in the file was applied, the defaults are used"))
            return
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++ says "Error while parsing …": lower-cased after the line number.
            let description = error.description.prefix(1).lowercased() + error.description.dropFirst()
            problems.append(ConfigProblem(line: max(1, error.source.begin.line),
                                          text: "\(description); nothing in the file was applied, the defaults are used"))
            return
        } catch {
            problems.append(ConfigProblem(line: nil, text: "cannot be read as TOML; the defaults are used"))
            return
        }
        for (key, value) in Self.entries(of: root) {
            switch key {
            case "side_by_side_width":
                guard let width = integer(value, [key]) else { continue }
                guard ReaderSettings.sideBySideWidths.contains(width) else {
                    let range = ReaderSettings.sideBySideWidths
                    problem([key], "side_by_side_width must be from \(range.lowerBound) to \(range.upperBound), not \(width)")
                    continue
                }
                settings.sideBySideWidth = width
            case "sort":
                guard let name = string(value, [key]) else { continue }
                guard let sort = StorySort(rawValue: name) else {
                    problem([key], "sort must be one of \(StorySort.allCases.map(\.rawValue).joined(separator: ", ")), not \(ConfigProblem.quoted(name))")
                    continue
                }
                settings.sort = sort
            case "hide_read":
                if let flag = boolean(value, [key]) { settings.hidesRead = flag }
            case "mouse":
                if let flag = boolean(value, [key]) { settings.mouse = flag }
            case "colors":
                if let table = table(value, [key]) { readColors(table) }
            case "keys":
                if let table = table(value, [key]) { readKeys(table) }
            default:
                problem([key], "unknown setting \(ConfigProblem.quoted(key)) (the settings are \(Self.settingNames.joined(separator: ", ")))")
            }
        }
        problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    // MARK: - Colours

    private mutating func readColors(_ table: TOMLTable) {
        for (name, value) in Self.entries(of: table) {
            let path = ["colors", name]
            guard let role = ColorRole.allCases.first(where: { $0.name == name }) else {
                problem(path, "unknown colour element \(ConfigProblem.quoted(name)) (the elements are \(ColorRole.allCases.map(\.name).joined(separator: ", ")))")
                continue
            }
            let color: TerminalColor?
            if let number = value.int {
                color = (0...255).contains(number) ? .palette(UInt8(number)) : nil
            } else if let text = value.string {
                color = TerminalColor(name: text) ?? Int(text).flatMap { (0...255).contains($0) ? .palette(UInt8($0)) : nil }
            } else {
                color = nil
            }
            guard let color else {
                // Scalars are shown as written; a table or list is only named (printing one could be huge).
                let shown = [.string, .int, .double, .bool].contains(value.type) ? String(value.debugDescription.prefix(40)) : Self.kind(value)
                problem(path, "bad colour \(shown) for \(name): give a name (black, red, green, yellow, blue, magenta, cyan, white, bright-red…, default), a number 0-255 or \"#rrggbb\"")
                continue
            }
            // The terminal's own colour is no colour at all: the standard theme gives plain none.
            settings.theme.colors[role] = color == .terminalDefault ? nil : color
        }
    }

    // MARK: - Keys

    private mutating func readKeys(_ table: TOMLTable) {
        var places: [String: TOMLTable] = [:]
        for (name, value) in Self.entries(of: table) {
            guard Self.keyPlaces.contains(where: { $0.name == name }) else {
                problem(["keys", name], "unknown place \(ConfigProblem.quoted(name)) for keys (the places are \(Self.keyPlaces.map(\.name).joined(separator: ", ")))")
                continue
            }
            if let place = self.table(value, ["keys", name]) { places[name] = place }
        }
        for (name, contexts) in Self.keyPlaces {
            guard let place = places[name] else { continue }
            // In the order written, so of two lines giving one key the later wins, as it reads.
            let bindings = Self.entries(of: place).map { (key: $0.0, value: $0.1, line: lines.line(of: ["keys", name, $0.0]) ?? 0) }
                .sorted { $0.line < $1.line }
            for binding in bindings { bind(binding.key, binding.value, place: name, contexts: contexts) }
        }
    }

    private mutating func bind(_ operation: String, _ value: TOMLValue, place: String, contexts: Set<InputContext>?) {
        let path = ["keys", place, operation]
        guard let command = Command(rawValue: operation) else {
            problem(path, "unknown operation \(ConfigProblem.quoted(operation)) (`tidings --print-config` lists them)")
            return
        }
        let target = contexts ?? command.spec.contexts
        guard !target.isDisjoint(with: command.spec.contexts) else {
            let places = target.map(\.rawValue).sorted().joined(separator: ", ")
            problem(path, "\(operation) does nothing in the \(places)")
            return
        }
        let names: [TOMLValue]
        if value.string != nil {
            names = [value]
        } else if let array = value.array {
            names = array.map(\.tomlValue)
        } else {
            problem(path, "\(operation) must be a list of keys, like [\"x\", \"C-x\"], not \(Self.kind(value))")
            return
        }
        var keys: [KeyPress] = []
        for name in names {
            guard let text = name.string else {
                problem(path, "the keys of \(operation) must be text, like \"x\", not \(Self.kind(name))")
                return
            }
            guard let key = KeyPress(parsing: text) else {
                problem(path, "bad key name \(ConfigProblem.quoted(text)) for \(operation): write keys as the help does (Up, PgDn, Enter, Space, Esc, Tab, S-Tab, C-l, M-x, F1, or one character)")
                return
            }
            if let reason = TerminalKeys.problem(with: key) {
                problem(path, "\(operation): \(reason)")
                return
            }
            keys.append(key)
        }
        var changed = settings.keyMap
        changed.bind(keys, to: command, in: target)
        if let missing = changed.missingEssential {
            problem(path, "\(operation) not changed: \(missing)")
            return
        }
        settings.keyMap = changed
    }

    // MARK: - Values

    /// A table's entries. Keys and values are taken side by side (both lists in the table's order), never
    /// looked up by name: a key with a NUL in it would not be found again.
    static func entries(of table: TOMLTable) -> [(String, TOMLValue)] {
        Array(zip(table.keys, table.values))
    }

    private mutating func problem(_ path: [String], _ text: String) {
        problems.append(ConfigProblem(line: lines.line(of: path), text: text))
    }

    private mutating func integer(_ value: TOMLValue, _ path: [String]) -> Int? {
        if let number = value.int { return number }
        problem(path, "\(path.joined(separator: ".")) must be a whole number, not \(Self.kind(value))")
        return nil
    }

    private mutating func string(_ value: TOMLValue, _ path: [String]) -> String? {
        if let text = value.string { return text }
        problem(path, "\(path.joined(separator: ".")) must be text in quotes, not \(Self.kind(value))")
        return nil
    }

    private mutating func boolean(_ value: TOMLValue, _ path: [String]) -> Bool? {
        if let flag = value.bool { return flag }
        problem(path, "\(path.joined(separator: ".")) must be true or false, not \(Self.kind(value))")
        return nil
    }

    private mutating func table(_ value: TOMLValue, _ path: [String]) -> TOMLTable? {
        if let table = value.table { return table }
        problem(path, "\(path.joined(separator: ".")) must be a table ([\(path.joined(separator: "."))]), not \(Self.kind(value))")
        return nil
    }

    /// What a value is, in a message.
    static func kind(_ value: TOMLValue) -> String {
        switch value.type {
        case .string: return "text"
        case .int: return "a whole number"
        case .double: return "a decimal number"
        case .bool: return "true or false"
        case .array: return "a list"
        case .table: return "a table"
        case .date, .time, .dateTime: return "a date or time"
        }
    }
}

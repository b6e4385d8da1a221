import Foundation

/// A tmux capture taken with `-e`, read back: each row's characters with the attributes and colour the
/// terminal drew them in. The SGR state carries over from row to row, as tmux writes it.
public struct StyledCapture {
    /// What one character was drawn with.
    public struct Attributes: Equatable, Sendable {
        public var bold = false
        public var dim = false
        public var underline = false
        public var reverse = false
        /// A foreground or background colour other than the terminal's own.
        public var colored = false
    }

    public let raw: String
    public private(set) var rows: [[(character: Character, attributes: Attributes)]] = []
    /// Every SGR parameter list that sets a colour (`32`, `38;5;100`, `48;2;…`), as written.
    public private(set) var colorCodes: [String] = []

    public init(_ raw: String) {
        self.raw = raw
        var current = Attributes()
        var foreground = false, background = false
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            var row: [(character: Character, attributes: Attributes)] = []
            var rest = Substring(line)
            while let first = rest.first {
                if first == "\u{1B}", let match = rest.prefixMatch(of: /\x1B\[([0-9;]*)m/) {
                    let parameters = match.1.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    if Self.apply(parameters, to: &current, foreground: &foreground, background: &background) {
                        colorCodes.append(String(match.1))
                    }
                    current.colored = foreground || background
                    rest = rest[match.range.upperBound...]
                    continue
                }
                row.append((first, current))
                rest = rest.dropFirst()
            }
            rows.append(row)
        }
    }

    /// Applies one SGR; true when it sets a colour. 39 and 49 go back to the terminal's own colours.
    private static func apply(_ parameters: [Int], to attributes: inout Attributes, foreground: inout Bool,
                              background: inout Bool) -> Bool {
        var setsColor = false
        var index = 0
        while index < parameters.count {
            let code = parameters[index]
            switch code {
            case 0:
                attributes = Attributes()
                foreground = false
                background = false
            case 1: attributes.bold = true
            case 2: attributes.dim = true
            case 4: attributes.underline = true
            case 7: attributes.reverse = true
            case 22: attributes.bold = false; attributes.dim = false
            case 24: attributes.underline = false
            case 27: attributes.reverse = false
            case 30...37, 90...97: foreground = true; setsColor = true
            case 40...47, 100...107: background = true; setsColor = true
            case 38, 48:
                if code == 38 { foreground = true } else { background = true }
                setsColor = true
                // `38;5;n` or `38;2;r;g;b`: the rest of the colour is not a code of its own.
                index += parameters.count > index + 1 && parameters[index + 1] == 2 ? 4 : 2
            case 39: foreground = false
            case 49: background = false
            default: break
            }
            index += 1
        }
        return setsColor
    }

    /// The row whose text contains `text`, and the attributes its first character was drawn with.
    public func attributes(of text: String) -> Attributes? {
        let wanted = Array(text)
        for row in rows where row.count >= wanted.count {
            for start in 0...(row.count - wanted.count)
            where (0..<wanted.count).allSatisfy({ row[start + $0].character == wanted[$0] }) {
                return row[start].attributes
            }
        }
        return nil
    }
}

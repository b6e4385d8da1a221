/// A colour as the config file names it: the terminal's own, a palette entry, or red, green and blue.
/// The terminal layer decides how close it can get (`ColorFit`).
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground.
    case terminalDefault
    /// A palette entry: 0 to 7 the basic colours, 8 to 15 their bright forms, 16 to 255 the 256-colour cube
    /// and the greys.
    case palette(UInt8)
    /// `#rrggbb`.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    public static let black = TerminalColor.palette(0), red = TerminalColor.palette(1), green = TerminalColor.palette(2)
    public static let yellow = TerminalColor.palette(3), blue = TerminalColor.palette(4), magenta = TerminalColor.palette(5)
    public static let cyan = TerminalColor.palette(6), white = TerminalColor.palette(7)

    /// The names of palette entries 0 to 7; `bright-` before one names 8 to 15.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads a colour name (`cyan`, `bright-red`, `default`) or `#rrggbb`, any case; nil for anything else.
    /// Palette numbers are integers in the config file and come through `.palette` directly.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = Self.basicNames.firstIndex(of: lowered) {
            self = .palette(UInt8(index))
        } else if lowered.hasPrefix("bright-"), let index = Self.basicNames.firstIndex(of: String(lowered.dropFirst(7))) {
            self = .palette(UInt8(8 + index))
        } else if lowered.hasPrefix("#"), lowered.utf8.count == 7,
                  let value = UInt32(lowered.dropFirst(), radix: 16), lowered.dropFirst().allSatisfy(\.isHexDigit) {
            self = .rgb(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// The colour as the config file writes it: a name, a number, or `"#rrggbb"` (quoted where TOML needs it).
    public var configValue: String {
        switch self {
        case .terminalDefault: return "\"default\""
        case .palette(let index) where index < 8: return "\"\(Self.basicNames[Int(index)])\""
        case .palette(let index) where index < 16: return "\"bright-\(Self.basicNames[Int(index) - 8])\""
        case .palette(let index): return "\(index)"
        case .rgb(let red, let green, let blue):
            return "\"#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "\""
        }
    }
}

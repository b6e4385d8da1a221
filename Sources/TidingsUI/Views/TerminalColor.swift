/// The terminal's basic colours, which every colour terminal has.
public enum TerminalColor: Int16, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

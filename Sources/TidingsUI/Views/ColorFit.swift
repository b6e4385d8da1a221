/// How the theme's colours become the terminal's colour numbers: `#rrggbb` as asked where the terminal can
/// change its palette (256 colours or more), else the nearest of what it has: the 256-colour cube and greys,
/// or on 8 and 16 colours the nearest basic colour. Pure arithmetic, so it is tested without a terminal.
public struct ColorFit: Equatable, Sendable {
    /// A palette entry to set to a colour (curses' `init_color`, components 0 to 1000).
    public struct Definition: Equatable, Sendable {
        public var slot: Int16
        public var red: Int16
        public var green: Int16
        public var blue: Int16
    }

    /// Palette entries to change first.
    public private(set) var definitions: [Definition] = []
    /// The colour number of each role the theme colours; -1 is the terminal's own. Roles not here take the
    /// terminal's own too, without a colour pair.
    public private(set) var foregrounds: [ColorRole: Int16] = [:]

    /// `colors` is what the terminal reports (`COLORS`); `canChange` whether it can set palette entries.
    public init(theme: Theme, colors: Int, canChange: Bool) {
        // Beyond 256 the numbers are direct RGB values (`xterm-direct`), where only 0 to 7 keep their
        // meaning: such a terminal is given basic colours, the one set whose meaning is sure.
        let count = colors > 256 ? 8 : max(0, colors)
        let roles = ColorRole.allCases.filter { theme.colors[$0] != nil }
        // The slots `#rrggbb` colours take: from the top of the palette down, past the entries the theme
        // uses by number.
        let used = Set(roles.compactMap { role -> Int? in
            if case .palette(let index)? = theme.colors[role] { return Int(index) } else { return nil }
        })
        var nextSlot = count - 1
        for role in roles {
            guard let color = theme.colors[role] else { continue }
            switch color {
            case .terminalDefault:
                foregrounds[role] = -1
            case .palette(let index):
                foregrounds[role] = Int16(Self.fit(palette: Int(index), colors: count))
            case .rgb(let red, let green, let blue):
                while used.contains(nextSlot) { nextSlot -= 1 }
                if canChange, count >= 256, nextSlot >= 16 {
                    definitions.append(Definition(slot: Int16(nextSlot), red: Self.permille(red), green: Self.permille(green),
                                                  blue: Self.permille(blue)))
                    foregrounds[role] = Int16(nextSlot)
                    nextSlot -= 1
                } else {
                    foregrounds[role] = Int16(Self.nearest((Int(red), Int(green), Int(blue)), colors: count))
                }
            }
        }
    }

    /// A palette entry the terminal has, else the nearest it has; -1 (its own colour) without any.
    static func fit(palette index: Int, colors: Int) -> Int {
        if index < colors { return index }
        if colors < 8 { return -1 }
        // A bright colour without the bright ones is its basic colour (bright black would be nearer white).
        if index < 16 { return index - 8 }
        return nearest(rgb(ofPalette: index), colors: colors)
    }

    /// The entry of the first `colors` (8, 16 or 256) nearest to a colour, by squared distance.
    static func nearest(_ color: (Int, Int, Int), colors: Int) -> Int {
        guard colors >= 8 else { return -1 }
        let candidates = colors >= 256 ? 256 : colors >= 16 ? 16 : 8
        // In 256 colours the first 16 are the user's own and vary: only the cube and the greys are sure.
        let first = candidates == 256 ? 16 : 0
        var best = first
        var bestDistance = Int.max
        for index in first..<candidates {
            let (red, green, blue) = rgb(ofPalette: index)
            let distance = (red - color.0) * (red - color.0) + (green - color.1) * (green - color.1) + (blue - color.2) * (blue - color.2)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// The colour xterm gives a palette entry by default (the usual reference for the first 16).
    static func rgb(ofPalette index: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                                        (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let steps = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
        }
        let grey = 8 + 10 * (min(index, 255) - 232)
        return (grey, grey, grey)
    }

    private static func permille(_ component: UInt8) -> Int16 { Int16(Int(component) * 1000 / 255) }
}

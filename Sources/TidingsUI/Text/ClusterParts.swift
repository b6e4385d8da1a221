/// Grapheme clusters drawn as their parts in order (docs/DECISIONS.md §40): emoji sequences whose width
/// terminals disagree on, a ZWJ sequence (👨‍👩‍👧‍👦, 🏳️‍🌈, 🤷‍♀️) as each of its emoji without the joiners, and an
/// emoji modifier (a skin tone, 👍🏽) as a swatch of its own after its base and a space; and clusters of
/// several characters that each take a cell (Indic conjuncts and vowel signs, Thai), a part for each.
///
/// One terminal draws 👨‍👩‍👧‍👦 in two cells and another in eight; a row laid out for the wrong one is shifted,
/// cut or overdrawn. Apart, every part has the width every terminal gives it. The joiner is left out because
/// it makes some terminals join the next part to the cell before it. A modifier joins the wide character
/// before it in some terminals (tmux from 3.4 joins it to any non-ASCII cell), so an ASCII space keeps it
/// apart; right after its base it would shift the row there.
enum ClusterParts {
    static let joiner: UInt32 = 0x200D

    /// The parts of a grapheme cluster, in order; nil when it is drawn whole (nearly every one).
    static func of(_ character: Character) -> [Character]? {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return nil }
        guard scalars.dropFirst().contains(where: { $0.value >= joiner && ($0.value == joiner || isModifier($0)) }) else {
            return spacingParts(scalars)
        }
        var parts: [Character] = []
        var part = String.UnicodeScalarView()
        func close() {
            // A part is one cluster in all but strange text (a prepended mark); each of its clusters is one part.
            parts += String(part)
            part = String.UnicodeScalarView()
        }
        for scalar in scalars {
            if scalar.value == joiner {
                close()
                continue
            }
            if isModifier(scalar), !part.isEmpty {
                // After a space (text that wrote a swatch on its own) it is apart already.
                let spaced = String(part) == " "
                close()
                if !spaced { parts.append(" ") }
            }
            part.append(scalar)
        }
        close()
        // A part may hold several characters that take a cell each (a joiner after an Indic syllable).
        return parts.flatMap { spacingParts($0.unicodeScalars) ?? [$0] }
    }

    /// A cluster of several characters that each take a cell (a Devanagari conjunct क्ष, a vowel sign
    /// after its consonant कि, Thai กำ, Tamil கை): each with the marks that follow it, a part of its own, as
    /// terminals give each its own cell. A curses cell holds one such character, and the others were lost
    /// (`किताब` showed as `कतब`). Nil when only one takes a cell.
    private static func spacingParts(_ scalars: String.UnicodeScalarView) -> [Character]? {
        guard scalars.dropFirst().contains(where: takesACell), !scalars.allSatisfy(isRegionalIndicator) else { return nil }
        var parts: [Character] = []
        var part = String.UnicodeScalarView()
        for scalar in scalars {
            if takesACell(scalar), !part.isEmpty {
                parts += String(part)
                part = String.UnicodeScalarView()
            }
            part.append(scalar)
        }
        parts += String(part)
        return parts
    }

    /// Whether a character after the first of its cluster takes a cell of its own in a terminal: not a
    /// mark drawn on the one before (a virama, a variation selector, an enclosing keycap), not a format
    /// character, not a Hangul vowel or final consonant (drawn in their syllable's cells).
    static func takesACell(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .surrogate, .unassigned: return false
        default: break
        }
        let value = scalar.value
        return !(0x1160...0x11FF).contains(value) && !(0xD7B0...0xD7FF).contains(value) && !isRegionalIndicator(scalar)
            && !isModifier(scalar)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    /// The five skin tones (Emoji_Modifier).
    static func isModifier(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar.value)
    }
}

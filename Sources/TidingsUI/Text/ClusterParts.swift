/// Emoji sequences whose width terminals disagree on, drawn as their parts in order (docs/DECISIONS.md §40):
/// a ZWJ sequence (👨‍👩‍👧‍👦, 🏳️‍🌈, 🤷‍♀️) as each of its emoji without the joiners, and an emoji modifier
/// (a skin tone, 👍🏽) as a swatch of its own after its base and a space.
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
        guard scalars.dropFirst().contains(where: { $0.value >= joiner && ($0.value == joiner || isModifier($0)) }) else { return nil }
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
        return parts
    }

    /// The five skin tones (Emoji_Modifier).
    static func isModifier(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar.value)
    }
}

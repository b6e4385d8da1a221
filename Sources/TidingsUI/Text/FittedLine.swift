/// Builds a one-line text from parts that have priorities: whole parts are dropped, least important
/// first, until the rest fits; only when the most important part alone is too wide is it cut, with `…`.
enum FittedLine {
    struct Part {
        var text: String
        /// Lower is more important; 0 is never dropped.
        var priority: Int
    }

    /// The parts that fit in `width` cells, in their original order, joined as they are.
    static func fit(_ parts: [Part], width: Int) -> String {
        var kept = parts
        while kept.count > 1, DisplayWidth.of(kept.map(\.text).joined()) > width {
            guard let drop = kept.indices.filter({ kept[$0].priority > 0 }).max(by: { kept[$0].priority < kept[$1].priority }) else { break }
            kept.remove(at: drop)
        }
        return TextWrap.truncate(kept.map(\.text).joined(), width: width)
    }
}

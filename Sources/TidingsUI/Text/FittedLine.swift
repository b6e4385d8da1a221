/// Builds a one-line text from parts that have priorities: whole parts are dropped, least important
/// first, until the rest fits; only when the most important part alone is too wide is it cut, with `…`.
enum FittedLine {
    struct Part {
        var text: String
        /// Lower is more important; 0 is never dropped.
        var priority: Int
        /// What the part says when there is no room for all of it, before it is dropped.
        var shorter: String?

        init(text: String, priority: Int, shorter: String? = nil) {
            self.text = text
            self.priority = priority
            self.shorter = shorter
        }
    }

    /// The parts that fit in `width` cells, in their original order, joined as they are.
    static func fit(_ parts: [Part], width: Int) -> String {
        var kept = parts
        while kept.count > 1, DisplayWidth.of(kept.map(\.text).joined()) > width {
            guard let drop = kept.indices.filter({ kept[$0].priority > 0 }).max(by: { kept[$0].priority < kept[$1].priority }) else { break }
            if let shorter = kept[drop].shorter {
                kept[drop].text = shorter
                kept[drop].shorter = nil
            } else {
                kept.remove(at: drop)
            }
        }
        return TextWrap.truncate(kept.map(\.text).joined(), width: width)
    }
}

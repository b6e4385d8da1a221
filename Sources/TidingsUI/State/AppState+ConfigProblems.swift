/// What the config file got wrong: the reader starts anyway, with the rest of the file applied; the first
/// problem is shown at once and every one is kept in the problem list, under its own heading.
extension AppState {
    public mutating func reportConfigProblems(_ texts: [String]) {
        guard !texts.isEmpty else { return }
        configProblems += texts
        message = texts.count == 1 ? texts[0] : "\(texts[0]) (and \(texts.count - 1) more)"
        needsFrame = true
    }
}

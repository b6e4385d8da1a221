/// Keys changed by the config file: a command given its keys in some contexts. The standard map is never
/// changed; the reader runs on a changed copy, and the help and the hints show that copy.
extension KeyMap {
    /// Makes `keys` the keys of `command` in `contexts` (those where the command applies): its other keys
    /// there stop running it, and each of these keys stops running what it ran there before; elsewhere
    /// nothing changes. No keys unbinds the command there. When the command has exactly these keys there
    /// already, the map is left as it is, bindings and all: the printed defaults read back give the standard
    /// map, and the help keeps its sections.
    public mutating func bind(_ keys: [KeyPress], to command: Command, in contexts: Set<InputContext>) {
        let target = contexts.intersection(command.spec.contexts)
        guard !target.isEmpty else { return }
        var unique: [KeyPress] = []
        for key in keys where !unique.contains(key) { unique.append(key) }
        let wanted = Set(unique)
        if target.allSatisfy({ Set(self.keys(for: command, in: $0)) == wanted }) { return }
        let taken = Set(unique.map { [$0] })
        var result: [Binding] = []
        var place: Int?
        for binding in bindings {
            let overlap = binding.contexts.intersection(target)
            let outside = binding.contexts.subtracting(target)
            if overlap.isEmpty {
                result.append(binding)
            } else if binding.command == command {
                // The command's new keys take the place of its first binding here, so the help keeps its order.
                if place == nil { place = result.count }
                if !outside.isEmpty { result.append(binding.restricted(to: outside)) }
            } else {
                let kept = binding.sequences.filter { !taken.contains($0) }
                if kept.count == binding.sequences.count {
                    result.append(binding)
                    continue
                }
                if !outside.isEmpty { result.append(binding.restricted(to: outside)) }
                if !kept.isEmpty {
                    var inside = binding.restricted(to: overlap)
                    inside.sequences = kept
                    result.append(inside)
                }
            }
        }
        if !unique.isEmpty { result.insert(Binding(unique, command, only: target), at: place ?? result.count) }
        bindings = result
    }

    /// What the map leaves without a key that must always have one: in every pane of the reader a way to
    /// quit (`quit` or `quit-now`) and to the help, on the help and the problem list a way to close them.
    /// Nil when nothing is missing.
    public var missingEssential: String? {
        for context in InputContext.allCases where InputContext.reader.contains(context) {
            if keys(for: .quit, in: context).isEmpty, keys(for: .quitNow, in: context).isEmpty {
                return "the \(context.rawValue) would have no key to quit"
            }
            if keys(for: .showHelp, in: context).isEmpty { return "the \(context.rawValue) would have no key for the help" }
        }
        for context in InputContext.allCases where InputContext.pages.contains(context) {
            if keys(for: .closePage, in: context).isEmpty, keys(for: .quitNow, in: context).isEmpty {
                return "the \(context.rawValue) would have no key to close it"
            }
        }
        return nil
    }
}

extension KeyMap.Binding {
    /// The same binding in fewer contexts.
    func restricted(to contexts: Set<InputContext>) -> KeyMap.Binding {
        var binding = self
        binding.only = contexts
        return binding
    }
}

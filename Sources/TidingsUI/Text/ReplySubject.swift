import TidingsModel

/// Mail and news subjects as a reader compares them: `Re: Re[2]: [list] The plan` is the subject `The plan`
/// answered, whatever the case and the spacing, so only a subject that really changed is shown again.
enum ReplySubject {
    /// Only the start of a subject is compared: a hostile megabyte-long one costs no more than a normal one.
    static let comparedCharacters = 1024

    /// Prefixes mail clients put before a subject they answer or forward, lowercased (the ones a thread's
    /// title is stripped of, `SubjectPrefix`).
    static let prefixes = Set(SubjectPrefix.words)

    /// Whether `subject` says something other than `parent` (nil: nothing to compare with, so it does).
    static func differs(_ subject: String, from parent: String?) -> Bool {
        guard let parent else { return true }
        return key(subject) != key(parent)
    }

    /// The subject without its leading reply and forward prefixes and list tags, any number of them in any
    /// order, with runs of whitespace made one space, trimmed and lowercased.
    static func key(_ subject: String) -> String {
        var rest = Substring(subject.prefix(comparedCharacters))
        // Each turn removes a tag or a prefix (at least one character), or ends the loop.
        while true {
            let trimmed = rest.drop(while: \.isWhitespace)
            guard let after = afterTag(trimmed) ?? afterPrefix(trimmed) else {
                rest = trimmed
                break
            }
            rest = after
        }
        var key = ""
        var space = false
        for character in rest {
            if character.isWhitespace {
                space = !key.isEmpty
                continue
            }
            if space { key.append(" ") }
            space = false
            key.append(character)
        }
        return key.lowercased()
    }

    /// What follows a leading `[list-name]` tag, or nil when the text does not start with one.
    private static func afterTag(_ text: Substring) -> Substring? {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
        return text[text.index(after: close)...]
    }

    /// What follows a leading `Re:`, `Re[2]:`, `Re(2):`, `Re^2:`, `Fwd :` and the like, or nil when the text
    /// does not start with one.
    private static func afterPrefix(_ text: Substring) -> Substring? {
        let word = text.prefix(7).prefix(while: \.isLetter)
        guard !word.isEmpty, word.count <= 6, prefixes.contains(word.lowercased()) else { return nil }
        var rest = text[word.endIndex...]
        // A count of replies some clients add: `Re[2]:`, `Re(2):`, `Re^2:`.
        if let open = rest.first, open == "[" || open == "(" {
            let digits = rest.dropFirst().prefix(while: \.isASCII).prefix { $0.isNumber }
            let close: Character = open == "[" ? "]" : ")"
            guard !digits.isEmpty, rest.dropFirst(1 + digits.count).first == close else { return nil }
            rest = rest.dropFirst(2 + digits.count)
        } else if rest.first == "^" {
            let digits = rest.dropFirst().prefix(while: \.isASCII).prefix { $0.isNumber }
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(1 + digits.count)
        }
        // French clients put a space before the colon; a full-width colon comes from CJK clients.
        rest = rest.drop { $0 == " " }
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        return rest.dropFirst()
    }
}

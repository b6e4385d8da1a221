import TidingsModel

/// Links out of the reader: `o` opens the story's link (or the selected comment's only link), `1`…`9` the
/// numbered links of the text in focus, `y` copies what `o` would open. Every link passes `LinkCheck` first;
/// the reader only asks for the effect, the executable starts the browser or writes to the terminal.
extension AppState {
    /// Which link `o` and `y` act on, or why there is none.
    enum ChosenLink: Equatable {
        case link(String)
        case none(String)
    }

    /// The story's own link; in the comments, the selected comment's link when it has exactly one (so `o`
    /// on a comment that cites one page opens that page), none when it has several (which one is the
    /// user's to say, with its number: never a link they did not choose), else the story's.
    func chosenLink() -> ChosenLink {
        guard let story = currentStory else { return .none("The story is still loading") }
        let commentLinks = focus == .comments ? selectedComment.map { story.comments[$0].body.links } ?? [] : []
        if commentLinks.count == 1 { return .link(commentLinks[0]) }
        if commentLinks.count > 1 {
            return .none("This comment has \(commentLinks.count) links: 1-\(min(9, commentLinks.count)) open one")
        }
        if let url = story.url { return .link(url) }
        let textLinks = story.body.links.count
        if focus != .comments, textLinks > 0 {
            return .none("The story has no link of its own; its text has \(textLinks): 1-\(min(9, textLinks)) open one")
        }
        return .none("The story has no link of its own")
    }

    mutating func openLink(_ choice: ChosenLink) -> CommandOutcome {
        switch choice {
        case .none(let reason): return .nothingToDo(reason)
        case .link(let link):
            switch LinkCheck.check(link) {
            case .refused(let shown, let reason): return .failed("Not opened (\(reason)): \(shown)")
            case .allowed(let url):
                request(.openURL(url))
                message = "Opening \(LinkCheck.shown(url))"
                return .done
            }
        }
    }

    mutating func copyLink(_ choice: ChosenLink) -> CommandOutcome {
        switch choice {
        case .none(let reason): return .nothingToDo(reason)
        case .link(let link):
            switch LinkCheck.check(link) {
            case .refused(let shown, let reason): return .failed("Not copied (\(reason)): \(shown)")
            case .allowed(let url):
                request(.copyToClipboard(url))
                message = "Copied \(LinkCheck.shown(url))"
                return .done
            }
        }
    }

    /// `1`…`9`: link N of the selected comment in the comments, of the story text elsewhere, as numbered on
    /// screen (`[N]` after the text, the targets listed under it).
    mutating func openNumberedLink() -> CommandOutcome {
        guard case .character(let character)? = commandKey?.base, character.isASCII,
              let number = character.wholeNumberValue, (1...9).contains(number) else {
            return .nothingToDo("Press a link's number, 1 to 9, to open it")
        }
        return openLink(numbered: number)
    }

    /// Opens link `number` (from 1) of the text in focus.
    mutating func openLink(numbered number: Int) -> CommandOutcome {
        guard let story = currentStory else { return .nothingToDo("The story is still loading") }
        let links: [String]
        let place: String
        if focus == .comments {
            guard let selected = selectedComment else { return .nothingToDo("No comment is selected") }
            links = story.comments[selected].body.links
            place = "this comment"
        } else {
            links = story.body.links
            place = "the story text"
        }
        guard number >= 1, number <= links.count else {
            let has = links.isEmpty ? "it has none" : links.count == 1 ? "it has 1" : "it has \(links.count)"
            return .nothingToDo("No link [\(number)] in \(place): \(has)")
        }
        return openLink(.link(links[number - 1]))
    }
}

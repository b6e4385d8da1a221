import TidingsModel

/// Links out of the reader: `o` opens the story's link (or the selected comment's only link), the digits
/// the numbered links of the text in focus, `y` copies what `o` would open. Every link passes `LinkCheck` first;
/// the reader only asks for the effect, the executable starts the browser or writes to the terminal.
extension AppState {
    /// Which link `o` and `y` act on, or why there is none.
    enum ChosenLink: Equatable {
        case link(String)
        case none(String)
    }

    /// The story's own link; in the comments, the selected comment's link when it has exactly one (so `o`
    /// on a comment that cites one page opens that page), none when it has several (which one is the
    /// user's to say, with its number: never a link they did not choose), else the comment's own page when
    /// its source names one (a feed reply's), else the story's.
    func chosenLink() -> ChosenLink {
        guard let story = currentStory else { return .none("The story is still loading") }
        let comment = focus == .comments ? selectedComment.map { story.comments[$0] } : nil
        let commentLinks = comment?.body.links ?? []
        if commentLinks.count == 1 { return .link(commentLinks[0]) }
        if commentLinks.count > 1 {
            return .none("This comment has \(commentLinks.count) links: 1-\(commentLinks.count) open one")
        }
        // Its own page only when it would open: else the story's, as for a reply with no page.
        if let url = comment?.url, case .allowed = LinkCheck.check(url) { return .link(url) }
        if let url = story.url { return .link(url) }
        let textLinks = story.body.links.count
        if focus != .comments, textLinks > 0 {
            return .none("The story has no link of its own; its text has \(textLinks): 1-\(textLinks) open one")
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
    /// screen (`[N]` after the text, the targets listed under it). With ten links or more, a digit that
    /// starts a longer number (`1` of `12`) opens a line to type the rest on, as lynx and w3m do: the link
    /// opens when no more digits can follow (`12` of 13 links), or on Enter (`1`). `0` is the story's own
    /// link, shown as `[0]` in the story text: no other number starts with 0, so it opens at once.
    mutating func openNumberedLink() -> CommandOutcome {
        guard case .character(let character)? = commandKey?.base, character.isASCII,
              let number = character.wholeNumberValue, (0...9).contains(number) else {
            return .nothingToDo("Press a link's number, 0 to 9, to open it")
        }
        if number == 0 { return openLink(numbered: 0) }
        let count = linksInFocus()?.links.count ?? 0
        if number * 10 <= count {
            prompt = Prompt(purpose: .linkNumber(count: count), editor: LineEditor(String(number)))
            promptProblem = nil
            return .done
        }
        // With ten links or more, numbers may take Enter: one typed after this one is taken with it.
        linkOpenedByNumber = count >= 10 ? now : nil
        return openLink(numbered: number)
    }

    /// The number typed on the link line: opened when it is `complete` (Enter) or no digit can follow it.
    mutating func submitLinkNumber(_ text: String, complete: Bool) {
        guard case .linkNumber(let count)? = prompt?.purpose else { return }
        if text.isEmpty {
            if complete { prompt = nil }
            return
        }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text.prefix(9)) else {
            promptProblem = "type a link's number"
            return
        }
        guard complete || number * 10 > count else { return }
        prompt = nil
        promptProblem = nil
        linkOpenedByNumber = complete ? nil : now
        report(openLink(numbered: number))
    }

    /// The links of the text in focus (the selected comment's in the comments, else the story's) and what
    /// to call it; nil while the story loads or when no comment is selected.
    func linksInFocus() -> (links: [String], place: String)? {
        guard let story = currentStory else { return nil }
        if focus == .comments {
            guard let selected = selectedComment else { return nil }
            return (story.comments[selected].body.links, "this comment")
        }
        return (story.body.links, "the story text")
    }

    /// Opens link `number` (from 1) of the text in focus, or with 0 the story's own link from any pane:
    /// comments number their links from 1, so `[0]` is only ever the story's.
    mutating func openLink(numbered number: Int) -> CommandOutcome {
        guard let story = currentStory else { return .nothingToDo("The story is still loading") }
        if number == 0 { return openLink(story.url.map(ChosenLink.link) ?? .none("The story has no link of its own")) }
        guard let (links, place) = linksInFocus() else { return .nothingToDo("No comment is selected") }
        guard number >= 1, number <= links.count else {
            let has = links.isEmpty ? "it has none" : links.count == 1 ? "it has 1" : "it has \(links.count)"
            return .nothingToDo("No link [\(number)] in \(place): \(has)")
        }
        return openLink(.link(links[number - 1]))
    }
}

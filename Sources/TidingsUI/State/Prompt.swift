import TidingsModel

/// The line being typed on the status line, and what it is for.
struct Prompt: Sendable, Equatable {
    enum Purpose: Sendable, Equatable {
        /// A query for the whole collection (`AppState+Search`).
        case search
        /// Text to find in the focused pane as it is typed (`AppState+Find`).
        case find(FindOrigin)
        /// The number of a link of the text in focus, when it has ten or more (`AppState+Links`).
        case linkNumber(count: Int)
    }

    var purpose: Purpose
    var editor: LineEditor

    /// The label before the line.
    var label: String {
        switch purpose {
        case .search: return "Search: "
        case .find: return "Find: "
        case .linkNumber(let count): return "Open link (1-\(count), Enter): "
        }
    }

    /// The label for a status line `width` cells wide: a short one where the long one would leave the typed
    /// digits too little room.
    func label(width: Int) -> String {
        switch purpose {
        case .linkNumber where width < DisplayWidth.of(label) + 12: return "Link: "
        default: return label
        }
    }
}

/// Where a find started, to go back to when it is cancelled.
struct FindOrigin: Sendable, Equatable {
    var comment: Int?
    /// The folded comments when the find started: threads it opened on the way close again on Esc.
    var folds: Set<Int> = []
    var textTop: Int
    var previous: PaneFind?
    /// Where the story text was, and at what width: a resize during the find goes back to the same words.
    var textPlace: (width: Int, place: WrapAnchor)?

    static func == (left: FindOrigin, right: FindOrigin) -> Bool {
        left.comment == right.comment && left.folds == right.folds && left.textTop == right.textTop && left.previous == right.previous
            && left.textPlace?.width == right.textPlace?.width && left.textPlace?.place == right.textPlace?.place
    }
}

/// Text found in the open story (`/` in the story text or the comments), highlighted and stepped through
/// with `>` and `<` until another find replaces it.
struct PaneFind: Sendable, Equatable {
    var text: String
    var needle: SearchNeedle

    init(_ text: String) {
        self.text = text
        needle = SearchNeedle(text)
    }
}

/// Where the last step through matches in the story text went: its row, and the story, top row and width
/// the pane had then (any of them changed, the steps start again from the pane's top row).
struct TextMatchPlace: Sendable, Equatable {
    var row: Int
    var story: String?
    var top: Int
    var width: Int
}

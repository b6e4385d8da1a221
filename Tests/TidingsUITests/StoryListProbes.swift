import Foundation
import TidingsModel
@testable import TidingsUI

/// What the story list shows, for the tests of filters and sorts: its rows, its selection and its title.
protocol StoryListProbes {}

extension StoryListProbes {
    /// The ids of the stories the list shows, top to bottom.
    func listed(_ state: AppState) -> [String] {
        (0..<state.rows.count).map { state.entries[state.rows.entry(atRow: $0)].summary.id }
    }

    func selected(_ state: AppState) -> String { state.entries[state.selectedStory].summary.id }

    /// The story list's title, as drawn, without the unread tally at its end (`UnreadTallyTests` test it):
    /// what tests of the position, the sort and the count in all look at.
    func title(_ state: inout AppState) -> String {
        fullTitle(&state)
            .replacingOccurrences(of: #" · (all read|[0-9,]+ unread( \([0-9,]+ comments?\))?)$"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #", (all read|[0-9,]+ unread)\)"#, with: ")", options: .regularExpression)
    }

    /// The story list's title, as drawn.
    func fullTitle(_ state: inout AppState) -> String {
        let screen = state.render()
        return screen.row(state.layout.storyListTitle!.y).trimmingCharacters(in: .whitespaces)
    }
}

import TidingsModel

/// How a story's title is shown: a story with none, or with only spaces (an item saved with `"title": ""`),
/// is "(untitled)", and sorts with the untitled (`TitleSortKey`).
enum StoryTitle {
    static func shown(_ title: String?) -> String {
        guard let title, !TitleSortKey.isBlank(title) else { return "(untitled)" }
        return title
    }
}

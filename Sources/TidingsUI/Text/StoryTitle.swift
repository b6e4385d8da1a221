/// How a story's title is shown: a story with none, or with only spaces (an item saved with `"title": ""`),
/// is "(untitled)", and sorts with the untitled (`TitleSortKey`).
enum StoryTitle {
    static func shown(_ title: String?) -> String {
        guard let title, !title.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return "(untitled)" }
        return title
    }
}

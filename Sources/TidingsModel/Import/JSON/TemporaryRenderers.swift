// Replaced by the Markdown renderer at merge.
enum MarkdownText { static func body(_ text: String) -> StoryBody { StoryBody(paragraphs: [text]) } }

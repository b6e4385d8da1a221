// Replaced by the HTML and Markdown renderers at merge.
enum HTMLText { static func body(_ html: String) -> StoryBody { StoryBody(paragraphs: [html]) } }
enum MarkdownText { static func body(_ text: String) -> StoryBody { StoryBody(paragraphs: [text]) } }
enum HTMLEntities { static func decode(_ text: String) -> String { text } }

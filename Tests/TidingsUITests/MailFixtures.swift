import Foundation
import TidingsModel
import TidingsUI
import TidingsTestSupport

/// A mail thread as the mail importer makes it: the first message as the story, replies as comments with
/// subjects (the same after `Re:` and tags, or changed), quotes nested and long, lines kept, a signature and
/// attachments. The tree comes from `StoryBuilder`; the message fields are set on top.
enum MailFixtures {
    typealias Block = StoryBody.Block
    typealias Run = StoryBody.Run

    static let now = RichFixtures.now

    static func quote(_ text: String, level: Int = 0) -> Block { Block(.quote, [Run(text)], level: level) }

    /// The twelve lines Dave quotes, more than a fold keeps.
    static let longQuote = (1...12).map { "line \($0) of the schedule as it was planned in March" }.joined(separator: "\n")

    static var story: Story {
        var story = StoryBuilder.story("Release plan for 2.0", body: StoryBody(blocks: [
            Block(.preserved, text: "Hi all,\n\nhere is the plan:"),
            Block(.preserved, text: "step     owner   when\nfreeze   ann     May 1\nship     bob     May 20"),
            quote((1...8).map { "forwarded line \($0)" }.joined(separator: "\n")),
            Block(.signature, text: "-- \nAnn Author\nRelease manager"),
        ]), comments: [
            (0, "bob"), (1, "carol"), (1, "dave"), (0, "erin"),
        ])
        story.header.author = "Ann Author"
        story.header.date = now.addingTimeInterval(-2 * 86_400)
        story.attachments = [Comment.Attachment(name: "plan.pdf", type: "application/pdf", size: 122_880)]
        func set(_ index: Int, author: String, minutesAgo: Double, subject: String?, blocks: [Block],
                 attachments: [Comment.Attachment] = []) {
            story.comments[index].author = author
            story.comments[index].date = now.addingTimeInterval(-minutesAgo * 60)
            story.comments[index].subject = subject
            story.comments[index].body = StoryBody(blocks: blocks)
            story.comments[index].attachments = attachments
        }
        set(0, author: "Bob Builder", minutesAgo: 300, subject: "Re: Release plan for 2.0", blocks: [
            quote("here is the plan:"),
            Block(.preserved, text: "May is fine by me."),
            Block(.signature, text: "-- \nBob"),
        ])
        set(1, author: "Carol", minutesAgo: 200, subject: "RE: [dev] Re[2]:  release PLAN for   2.0", blocks: [
            quote("here is the plan:", level: 1),
            quote("May is fine by me.\n\nAnd for the docs?"),
            Block(.preserved, text: "The docs    too."),
        ])
        set(2, author: "Dave", minutesAgo: 100, subject: "Docs for 2.0 (was: Release plan)", blocks: [
            quote(longQuote),
            Block(.preserved, text: "Docs first, then."),
            Block(.signature, text: "-- \nDave\n  docs team"),
        ], attachments: [
            Comment.Attachment(name: "report.pdf", type: "application/pdf", size: 122_880),
            Comment.Attachment(name: nil, type: "image/png", size: 2_048),
            Comment.Attachment(name: "東京の写真.jpg", type: "image/jpeg", size: 3_355_443),
        ])
        set(3, author: "Erin", minutesAgo: 50, subject: "Fwd: 東京 meeting notes for the release of 2.0", blocks: [
            Block(.preserved, text: "Notes attached."),
        ], attachments: [Comment.Attachment(name: "notes.txt", type: "text/plain", size: 512)])
        return story
    }

    static func state(width: Int, height: Int) -> AppState {
        AppState(stories: [story], width: width, height: height, now: now, timeZone: TimeZone(identifier: "UTC")!)
    }
}

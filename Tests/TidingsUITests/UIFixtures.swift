import Foundation
import TidingsModel
import TidingsUI
import TidingsTestSupport

/// Stories written for the screen tests: nesting, wide characters, long comments.
enum UIFixtures {
    static let texts = [
        """
        Harbour ferry returns after a winter of repairs
        Category: Local News
        Via: tidewatcher • two weeks ago • 4 comments
        By: Ines Calloway

        The old harbour ferry is back in service after four months in dry dock, with a new ramp and a repainted deck.
        - The ferry runs every 20 minutes at peak times.
        - Tickets keep last year's prices until June.

        @@ mira • 2 hours ago @@ Finally, my commute is back to twenty minutes.
          @@ jon • 1 hour ago @@ Does anyone know if the night service is back too? I work late on Thursdays and the bus takes forever.
            @@ mira • 50 minutes ago @@ Yes, until midnight.
              @@ jon @@ Thanks!
          @@ ada @@ The ramp is a big improvement for cargo bikes.
        Good news, but the timetable on the website is still the old one.
        """,
        """
        東京の夜行列車: the last sleeper trains 🚆
        Category: Travel
        Via: railfan • 6 hours ago • 2 comments

        寝台特急サンライズ出雲は毎晩東京から出発します。 The Sunrise Express still runs every night.

        @@ kaori • 2 hours ago @@ 乗ったことがあります！ Highly recommended 🇯🇵 👩‍💻
          I loved the 個室 rooms, but booking them in summer is hard.
        """,
        """
        A quiet week at the observatory
        Category: Science
        Via: stargazer • 1 day ago • 0 comments

        Clouds covered the sky for six nights in a row.
        """,
    ]

    static var stories: [Story] {
        texts.enumerated().map { offset, text in
            try! NativeImporter().stories(in: Array(text.utf8), path: "story\(offset).txt")[0]
        }
    }

    static func story(_ id: String, body: StoryBody = ["Body."], comments: [(depth: Int, text: String)]) -> Story {
        StoryBuilder.story(id, body: body, comments: comments)
    }

    /// The reader on the fixtures, at a fixed moment in UTC, so nothing on screen depends on the machine.
    static func state(width: Int, height: Int) -> AppState {
        AppState(stories: stories, width: width, height: height, now: RichFixtures.now, timeZone: TimeZone(identifier: "UTC")!)
    }
}

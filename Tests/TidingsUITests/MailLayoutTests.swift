import XCTest
import TidingsTestSupport
import TidingsModel
@testable import TidingsUI

/// The pieces that show messages: subjects compared, lines kept, quotes folded, attachments described.
final class ReplySubjectTests: XCTestCase {
    func testPrefixesTagsCaseAndSpacesAreIgnored() {
        XCTAssertEqual(ReplySubject.key("Re: RE: Re[2]: Fwd: Fw: AW: SV: Antw: [list] Hello   World "), "hello world")
        XCTAssertEqual(ReplySubject.key("[dev] Re: [dev] re(3): FWD:Hello\tWorld"), "hello world")
        // Outlook's forwards in German, French, Spanish and Portuguese, and its replies in Italian and Portuguese.
        XCTAssertEqual(ReplySubject.key("WG: TR: RV: Enc: Rif: RES: Vá: Quarterly planning"), "quarterly planning")
        XCTAssertEqual(ReplySubject.key("Re : Bonjour"), "bonjour", "a space before the colon, as French clients write")
        XCTAssertEqual(ReplySubject.key("回复 Re：東京"), "回复 re：東京", "only known prefixes go, even with a full-width colon")
        XCTAssertEqual(ReplySubject.key("Re：東京"), "東京")
        XCTAssertFalse(ReplySubject.differs("Re: release PLAN", from: "Release plan"))
        XCTAssertFalse(ReplySubject.differs("AW: Äpfel und Birnen", from: "äpfel UND birnen"), "case ignored beyond ASCII")
        XCTAssertFalse(ReplySubject.differs("Re: [tidings-dev] Release", from: "[tidings-dev] Release"))
        XCTAssertFalse(ReplySubject.differs("Re:", from: ""))
    }

    func testCountedAndNationalReplyPrefixesAreReplies() {
        XCTAssertFalse(ReplySubject.differs("Re^2: The plan", from: "The plan"))
        XCTAssertFalse(ReplySubject.differs("Ynt: Toplantı notları", from: "Toplantı notları"), "Turkish Outlook")
        XCTAssertFalse(ReplySubject.differs("R: Riunione", from: "Riunione"), "Italian")
        XCTAssertFalse(ReplySubject.differs("Odp: Spotkanie", from: "Spotkanie"), "Polish")
        XCTAssertFalse(ReplySubject.differs("VS: Kokous", from: "Kokous"), "Finnish")
        XCTAssertFalse(ReplySubject.differs("Sv: Antw: Møde", from: "Møde"))
        XCTAssertEqual(ReplySubject.key("Re^2: YNT: r: Odp: vs: Re[3]: x"), "x")
        XCTAssertEqual(ReplySubject.key("Re^: x"), "re^: x", "no count, no prefix")
        XCTAssertEqual(ReplySubject.key("Rx: y"), "rx: y")
        // Chinese and Korean clients, with an ASCII or a full-width colon.
        XCTAssertFalse(ReplySubject.differs("回复：会议安排", from: "会议安排"))
        XCTAssertFalse(ReplySubject.differs("答复: 转发: 会议安排", from: "会议安排"), "Outlook's Chinese reply to a forward")
        XCTAssertFalse(ReplySubject.differs("回覆: 會議", from: "會議"))
        XCTAssertFalse(ReplySubject.differs("회신: 회의", from: "회의"))
        XCTAssertTrue(ReplySubject.differs("回复会议", from: "会议"), "no colon, no prefix")
    }

    func testWhatIsNotAPrefixStays() {
        XCTAssertEqual(ReplySubject.key("Reply: x"), "reply: x")
        XCTAssertEqual(ReplySubject.key("Rebase: x"), "rebase: x")
        XCTAssertEqual(ReplySubject.key("Re x"), "re x", "no colon, no prefix")
        XCTAssertEqual(ReplySubject.key("Re[x]: y"), "re[x]: y")
        XCTAssertEqual(ReplySubject.key("Re[2: y"), "re[2: y")
        XCTAssertEqual(ReplySubject.key("[unclosed tag"), "[unclosed tag")
        XCTAssertEqual(ReplySubject.key("Hello [list] Re: x"), "hello [list] re: x", "only at the start")
        XCTAssertTrue(ReplySubject.differs("Re: Release plan (was: docs)", from: "Release plan"))
        XCTAssertTrue(ReplySubject.differs("Docs", from: nil), "nothing to compare with")
    }

    func testHostileSubjectsAreBoundedAndEnd() {
        let prefixes = String(repeating: "Re: ", count: 100_000) + "x"
        XCTAssertEqual(ReplySubject.key(prefixes), "", "only the start is compared: prefixes all of it")
        XCTAssertEqual(ReplySubject.key(String(repeating: "a ", count: 100_000)).count, 1023)
        XCTAssertEqual(ReplySubject.key(String(repeating: "[", count: 100_000)), String(repeating: "[", count: 1024))
        XCTAssertEqual(ReplySubject.key(String(repeating: "[]", count: 100_000)), "")
    }
}

final class MailLayoutTests: XCTestCase {
    typealias Block = StoryBody.Block
    typealias Run = StoryBody.Run

    func texts(_ blocks: [Block], width: Int, quotes: QuoteFold = .shown) -> [String] {
        BodyLayout.lines(blocks, width: width, separateFirst: false, quotes: quotes).map(\.text)
    }

    func testPreservedLinesKeepTheirSpacingAndWrapUnderTheirIndent() {
        XCTAssertEqual(PreservedWrap.wrap("a    b\n\n\tc  \n  one two three four five six", width: 20),
                       ["a    b", "", "        c", "  one two three four", "  five six"])
        XCTAssertEqual(PreservedWrap.wrap("      deep words here", width: 14), ["    deep words", "    here"],
                       "the indentation shrinks so the text keeps ten cells")
        XCTAssertEqual(PreservedWrap.wrap("東京東京東京", width: 5), ["東京", "東京", "東京"])
        XCTAssertEqual(PreservedWrap.wrap("", width: 5), [""])
        XCTAssertEqual(PreservedWrap.wrap("x", width: 0), [])
        XCTAssertEqual(PreservedWrap.wrap("a\u{1B}[2Jb\r\nc", width: 10), ["a␛b", "c"], "escapes shown, CRLF one break")
    }

    func testALineThatHadRoomForTheNextWordKeepsItsBreak() {
        // A program filling to 70 columns or more would have put "Second" on the first line: its writer
        // broke it there, and the break stays when the pane is narrower than the line.
        let written = "From here this line begins with From and is NOT escaped.\nSecond line."
        XCTAssertEqual(PreservedWrap.wrap(written, width: 45),
                       ["From here this line begins with From and is", "NOT escaped.", "Second line."])
        // Filled at 72 (the next word did not fit): joined and rewrapped.
        let filled = "A paragraph that a mail program filled at seventy-two columns, so that\nits next word could not fit there."
        XCTAssertEqual(PreservedWrap.wrap(filled, width: 45),
                       ["A paragraph that a mail program filled at", "seventy-two columns, so that its next word", "could not fit there."])
    }

    func testADeepQuoteFilledWithItsMarksIsJoinedAndAHyphenJoinsWithoutASpace() {
        // Filled at 72 with `> > > ` before each line: 66 cells of text, the next word would not have fitted.
        let quoted = "eastern lot. After a long debate about the merits of permit zones versus\nmetered spaces, the members agreed."
        XCTAssertEqual(PreservedWrap.wrap(quoted, width: 40, quoteMarks: 6),
                       ["eastern lot. After a long debate about", "the merits of permit zones versus", "metered spaces, the members agreed."])
        XCTAssertEqual(PreservedWrap.wrap(quoted, width: 40), ["eastern lot. After a long debate about", "the merits of permit zones versus",
                                                               "metered spaces, the members agreed."], "it joins without marks too: 66 + 8 > 70")
        let short = "eastern lot. After a long debate about the merits of permit\nzones, the members agreed."
        XCTAssertEqual(PreservedWrap.wrap(short, width: 40).last, "zones, the members agreed.", "60 cells and room for `zones,`: the writer's break")
        XCTAssertEqual(PreservedWrap.wrap(short, width: 40, quoteMarks: 12),
                       ["eastern lot. After a long debate about", "the merits of permit zones, the members", "agreed."],
                       "a quote six deep took 12 more: filled, joined and rewrapped")
        let hyphen = "a parser that has grown far too large for the one with a well-\ndocumented interface, maintained by the team."
        XCTAssertEqual(PreservedWrap.wrap(hyphen, width: 50),
                       ["a parser that has grown far too large for the one", "with a well-documented interface, maintained by", "the team."])
    }

    func testProseJoinsBeforeALowercaseWordWithAColonAndATailBeforeASignOff() {
        // `message:` is prose going on, not a label starting a line of its own (`Disk:` is).
        let colon = "When I start the daemon with the new configuration file it prints the\nmessage: cannot bind to port 80, and then exits without a word."
        XCTAssertEqual(PreservedWrap.wrap(colon, width: 60),
                       ["When I start the daemon with the new configuration file it", "prints the message: cannot bind to port 80, and then exits",
                        "without a word."])
        // After a full line, `server:` or `error: patch failed` starts a line of its own.
        let labels = "Here is what the configuration looked like after I finished the upgrade:\nserver:\n  port: 80"
        XCTAssertEqual(PreservedWrap.wrap(labels, width: 60).suffix(2), ["server:", "  port: 80"])
        let git = "I ran the rebase again this morning on the branch and once more got\nerror: patch failed: src/main.c:12"
        XCTAssertEqual(PreservedWrap.wrap(git, width: 60).last, "error: patch failed: src/main.c:12")
        // A word broken at a hyphen before `to` joins (`peer-to-peer`).
        let peer = "The daemon keeps a list of the nodes it talks to over its peer-\nto-peer connections, as the document says."
        XCTAssertTrue(PreservedWrap.wrap(peer, width: 60).joined(separator: " ").contains("peer-to-peer"))
        // The short line that ends the sentence is the paragraph's tail; the sign-off after it stays apart.
        let tail = "I pressed Enter on the old terminal, waited a while and kept typing on\nuntil here and then some more.\nThanks,"
        XCTAssertEqual(PreservedWrap.wrap(tail, width: 60),
                       ["I pressed Enter on the old terminal, waited a while and kept", "typing on until here and then some more.", "Thanks,"])
        // A hyphen left open before `and` keeps its space.
        let open = "The same code path is used by both of the stages, the pre-\nand post-processing ones, as the patch shows."
        XCTAssertEqual(PreservedWrap.wrap(open, width: 60).joined(separator: " "),
                       "The same code path is used by both of the stages, the pre- and post-processing ones, as the patch shows.")
    }

    func testAWrappedPreservedLineKeepsTheSpacesInsideEachRow() {
        // A patch's aligned arguments and a table's columns keep their spacing; the break takes its spaces.
        XCTAssertEqual(PreservedWrap.wrap("+\tfoo(a,      bar,     baz);   /* aligned */", width: 24),
                       ["+       foo(a,      bar,", "baz);   /* aligned */"])
        XCTAssertEqual(PreservedWrap.wrap("  name    size    date    owner", width: 18), ["  name    size", "  date    owner"])
        XCTAssertEqual(PreservedWrap.keepingSpaces("ab   abcdefghijkl  c", width: 5), ["ab", "abcde", "fghij", "kl  c"])
        XCTAssertEqual(PreservedWrap.keepingSpaces("東京  東京東京", width: 5), ["東京", "東京", "東京"])
        XCTAssertEqual(PreservedWrap.keepingSpaces("   ", width: 5), [""])
        // A diff's mark stays with its code when the code does not fit beside it with its own spacing.
        XCTAssertEqual(PreservedWrap.wrap("+\t\t\tIS_ERR(old_opp) ? NULL : old_opp->supplies,", width: 30),
                       ["+ IS_ERR(old_opp) ? NULL :", "old_opp->supplies,"])
        XCTAssertEqual(PreservedWrap.wrap("+\t\t\tIS_ERR(old_opp) ? NULL : old_opp->supplies,", width: 20),
                       ["+ IS_ERR(old_opp) ?", "NULL :", "old_opp->supplies,"])
        XCTAssertEqual(PreservedWrap.wrap("-       x = 1;   y = 2;   zed = 3;", width: 20), ["-       x = 1;   y =", "2;   zed = 3;"])
        for width in 1...30 {
            for row in PreservedWrap.wrap("x  yy   zzz    wwww     " + String(repeating: "q", count: 40) + "  end", width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(row), width, "\(width): \(row)")
            }
        }
    }

    /// A patch's line too long for the pane goes on in rows marked `↪`, as code does: a row at the margin
    /// would read as a diff line of its own (`*opp_table,` under `+static int …`).
    func testAPatchLineGoesOnInMarkedRows() {
        let text = """
        diff --git a/drivers/base/power/opp/core.c b/drivers/base/power/opp/core.c
        +static int _generic_set_opp_regulator(const struct opp_table *opp_table,
         drivers/base/power/opp/core.c | 73 ++++++++++++++++++++++++++++++++++++++++++++
        """
        for width in [30, 40, 60] {
            let rows = PreservedWrap.wrap(text, width: width)
            for row in rows { XCTAssertLessThanOrEqual(DisplayWidth.of(row), width, "\(width): \(row)") }
            let start = rows.firstIndex { $0.hasPrefix("+static int") }!
            XCTAssertTrue(rows[start + 1].hasPrefix("↪ "), "\(width): \(rows)")
            XCTAssertEqual(rows.filter { !$0.hasPrefix("↪ ") }.count, 3, "\(width): one unmarked row a line: \(rows)")
            XCTAssertEqual(rows.map { $0.hasPrefix("↪ ") ? String($0.dropFirst(2)) : $0 }.joined(),
                           text.replacingOccurrences(of: "\n", with: ""), "\(width): nothing lost")
        }
        // After an empty context line the hunk goes on as code: one block from the patch's start.
        let mailed = MailText.body("diff --git a/f b/f\n@@ -1 +1 @@\n ctx\n \n+static int _generic_set_opp_regulator(const struct opp_table *opp_table,\n")
        XCTAssertEqual(mailed.blocks.count, 1)
        let laidOut = BodyLayout.lines(mailed.blocks, width: 40, separateFirst: false).map(\.text)
        XCTAssertTrue(laidOut.contains { $0.hasPrefix("↪ ") }, "\(laidOut)")
        let styled = PreservedWrap.styled("↪ rest", style: .plain)
        XCTAssertEqual(styled.spans.map(\.text), ["↪ ", "rest"])
        XCTAssertEqual(styled.spans[0].style, .guide)
        // Prose and a signature are not code: their rows are not marked.
        XCTAssertFalse(PreservedWrap.wrap(String(repeating: "word ", count: 30), width: 30).contains { $0.hasPrefix("↪") })
        XCTAssertFalse(PreservedWrap.wrap("---\n" + String(repeating: "x", count: 50), width: 30, joinsProse: false).contains { $0.hasPrefix("↪") })
    }

    /// A rule wider than the pane (a list footer's underscores) is cut to it, not wrapped to a lone `_`.
    func testARuleIsCutToThePane() {
        let rule = String(repeating: "_", count: 47)
        XCTAssertEqual(PreservedWrap.wrap(rule + "\nnotmuch mailing list", width: 46), [String(repeating: "_", count: 46), "notmuch mailing list"])
        XCTAssertEqual(PreservedWrap.wrap("----------", width: 5), ["-----"])
        XCTAssertEqual(PreservedWrap.wrap("aaaaaaaaaa", width: 5), ["aaaaa", "aaaaa"], "letters are a word, broken as words are")
    }

    func testAPatchIsNeverJoinedLikeProseWhileTheTextBeforeItIs() {
        let text = """
        The code was overly complicated here because of the limitations that we
        had with RCUs, and this rewrites it.
        diff --git a/drivers/base/power/opp/core.c b/drivers/base/power/opp/core.c
        index dae61720b314..c4590fc017ba 100644
        -static int _generic_set_opp(struct dev_pm_set_opp_data *data)
        +static int _generic_set_opp_regulator(const struct opp_table *opp_table,
        """
        let rows = PreservedWrap.wrap(text, width: 40)
        XCTAssertEqual(rows.prefix(3), ["The code was overly complicated here", "because of the limitations that we had",
                                        "with RCUs, and this rewrites it."], "\(rows)")
        XCTAssertTrue(rows.contains("index dae61720b314..c4590fc017ba 100644"), "\(rows)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("+static int") }, "each patch line starts a row: \(rows)")
        XCTAssertFalse(rows.contains { $0.contains("*data) +static") }, "\(rows)")
        // A hunk of its own block (after an empty context line): still a line a row.
        let hunk = PreservedWrap.wrap("-static int _generic_set_opp(struct dev_pm_set_opp_data *data)\n+static int _generic_set_opp_regulator(const struct opp_table *opp_table,", width: 40)
        XCTAssertEqual(hunk.filter { $0.hasPrefix("+static") }.count, 1, "\(hunk)")
        XCTAssertFalse(hunk.contains { $0.contains("*data) +static") }, "\(hunk)")
        let mailed = PreservedWrap.wrap("Signed-off-by: Mikhail Gusarov <dottedmag at dottedmag.net> and more\n---\n lib/message-file.c |    5 +++++", width: 40)
        XCTAssertEqual(mailed.filter { $0 == "---" }.count, 1, "the line that ends a mailed patch's message stands alone: \(mailed)")
    }

    func testAnInlinePatchPartShowsEveryLineAsARow() throws {
        let mail = """
        Subject: [PATCH] fix
        Content-Type: multipart/mixed; boundary=p

        --p
        Content-Type: text/plain

        The fix is attached.
        --p
        Content-Type: text/x-diff; name=fix.diff
        Content-Disposition: inline; filename=fix.diff

        The frobnicator was checked after it was freed, which the
        sanitizer caught in the nightly run of the whole test suite.
        --- a/x.c
        +++ b/x.c
        @@ -1,4 +1,4 @@
         >context that looks like a quote

        -old
        +new
        --p--
        """
        let message = try XCTUnwrap(MailMessage.parse(Array(mail.utf8)[...]))
        let rows = texts(message.body.blocks, width: 72)
        for line in ["[fix.diff, text/x-diff]", "--- a/x.c", "+++ b/x.c", "@@ -1,4 +1,4 @@", " >context that looks like a quote", "-old", "+new"] {
            XCTAssertTrue(rows.contains(line), "\(line) is a row of its own: \(rows)")
        }
        XCTAssertEqual(rows.filter(\.isEmpty).count, 3, "the blank rows between blocks and the patch's own empty line: \(rows)")
    }

    func testALongTextThatFitsKeepsEveryLine() {
        // 20,000 lines of prose that fit the pane: each kept as it is, found as one run.
        let text = (0..<20_000).map { "line \($0): word word word word word word word word word word" }.joined(separator: "\n")
        let rows = PreservedWrap.wrap(text, width: 100)
        XCTAssertEqual(rows.count, 20_000)
        XCTAssertEqual(rows[1234], "line 1234: word word word word word word word word word word")
    }

    func testAHugeTextIsLaidOutAsFarAsTheBudgetAndSaysHowMuchMoreThereIs() {
        let small = [Block(.paragraph, [Run("A short text.")]), Block(.preserved, text: "kept\nas is")]
        XCTAssertEqual(LayoutBudget.capped(small, limit: 100), small)
        // Three blocks of 40 bytes (the second of two-byte characters) with room for 70 bytes.
        let blocks = [Block(.paragraph, [Run(String(repeating: "a", count: 40))]),
                      Block(.preserved, text: String(repeating: "é", count: 20)),
                      Block(.paragraph, [Run(String(repeating: "b", count: 40))])]
        let capped = LayoutBudget.capped(blocks, limit: 71)
        XCTAssertEqual(capped.count, 3)
        XCTAssertEqual(capped[0], blocks[0])
        XCTAssertEqual(capped[1].kind, .preserved)
        XCTAssertEqual(capped[1].plainText, String(repeating: "é", count: 15), "cut at a character, within the budget")
        XCTAssertEqual(capped[2].plainText, "[45 more characters not shown]")
        // Laid out at once even for megabytes, with the note at the end.
        let huge = [Block(.preserved, text: String(repeating: "\u{FFFD}\u{1}x\n", count: 400_000))]
        let rows = BodyLayout.lines(huge, width: 40, separateFirst: false).map(\.text)
        XCTAssertTrue(rows.last?.contains("more characters not shown") == true, "\(rows.suffix(2))")
        XCTAssertLessThan(rows.count, 70_000)
    }

    func testMailQuotesKeepTheirLinesAndSignaturesAreDim() {
        let quote = Block(.quote, [Run("first  line\n\nthird line is long enough to wrap")], level: 1)
        XCTAssertEqual(texts([quote], width: 24), ["│ │ first  line", "│ │ ", "│ │ third line is long", "│ │ enough to wrap"])
        let rows = BodyLayout.blockLines(quote, width: 24)
        XCTAssertEqual(rows[0].spans.map(\.style), [QuoteBars.style(level: 0), QuoteBars.style(level: 1), .dim])
        XCTAssertNotEqual(QuoteBars.style(level: 0).color, QuoteBars.style(level: 1).color)
        XCTAssertTrue((0..<8).allSatisfy { QuoteBars.style(level: $0).dim }, "dim alone sets quotes apart without colours")
        let signature = BodyLayout.blockLines(Block(.signature, text: "-- \nAnn  Author"), width: 20)
        XCTAssertEqual(signature.map(\.text), ["--", "Ann  Author"])
        XCTAssertTrue(signature.allSatisfy { $0.style == .dim })
        // Each line of a signature stands alone, however long the one before it: it is no prose.
        let long = Block(.signature, text: "-- \nAlpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa\nSecond signature line here\nThird")
        XCTAssertEqual(texts([long], width: 46), ["--", "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta", "Iota Kappa", "Second signature line here", "Third"])
    }

    func testRunsOfQuotesFoldAsAWhole() {
        let fold = QuoteFold(folded: true, key: "T")
        let short = [Block(.quote, [Run((1...6).map { "q\($0)" }.joined(separator: "\n"))])]
        XCTAssertEqual(texts(short, width: 40, quotes: fold).count, 6, "six rows are not folded")
        // Seven rows over two levels: one run, folded once.
        let long = [Block(.quote, [Run("a\nb\nc")]), Block(.quote, [Run("d\ne")], level: 1), Block(.quote, [Run("f\ng")]),
                    Block(.preserved, text: "reply"), Block(.quote, [Run("h")])]
        XCTAssertEqual(texts(long, width: 40, quotes: fold), ["│ a", "│ b", "│ … 5 more quoted lines (T shows them)", "", "reply", "", "│ h"])
        XCTAssertEqual(texts(long, width: 40), ["│ a", "│ b", "│ c", "│ │ d", "│ │ e", "│ f", "│ g", "", "reply", "", "│ h"])
        XCTAssertEqual(texts(long, width: 40, quotes: QuoteFold(folded: true, key: nil))[2], "│ … 5 more quoted lines")
        // Lines, not rows, are counted: three long lines wrapping to more than six rows at 12 cells are not folded.
        let wrapped = [Block(.quote, [Run("one two three four\nfive six seven eight\nnine ten eleven")])]
        XCTAssertEqual(texts(wrapped, width: 40, quotes: fold).count, 3)
        XCTAssertEqual(texts(wrapped, width: 12, quotes: fold), ["│ one two", "│ three four", "│ five six", "│ seven", "│ eight",
                                                                 "│ nine ten", "│ eleven"])
        for width in 1...12 {
            for line in BodyLayout.lines(long, width: width, separateFirst: false, quotes: fold) {
                XCTAssertLessThanOrEqual(line.width, width)
            }
        }
        XCTAssertEqual(fold.summary(hidden: 23, width: 3).map(\.text), ["│ …"])
        XCTAssertEqual(fold.summary(hidden: 23, width: 1).map(\.text), ["…"])
    }

    /// A fold names the links it hides, so the number a reader types is one on screen; a link shown in the
    /// first lines is not named again. Plain quotes (numbered where they stand) and quotes in runs alike.
    func testAFoldNamesTheLinksItHides() {
        let fold = QuoteFold(folded: true, key: "T")
        let runs = [Block(.quote, [Run("shown "), Run("here", link: 0), Run("\nsecond\nthird "), Run("hidden", link: 1),
                                   Run("\nfourth\nfifth "), Run("again", link: 0), Run(" and "), Run("more", link: 2), Run("\nsixth\nseventh")])]
        let rows = BodyLayout.lines(runs, width: 60, separateFirst: false, quotes: fold)
        XCTAssertEqual(rows.last?.text, "│ … 5 more quoted lines, with links [2] [3] (T shows them)")
        XCTAssertEqual(rows.last?.spans.compactMap(\.link), [2, 3], "each number opens its link when clicked")
        XCTAssertEqual(texts(runs, width: 60)[0], "│ shown here[1]")
        let one = [Block(.quote, [Run("a\nb\nc\nd\ne\nf\nsee "), Run("this", link: 4)])]
        XCTAssertEqual(texts(one, width: 60, quotes: fold).last, "│ … 5 more quoted lines, with link [5] (T shows them)")
        XCTAssertEqual(texts(one, width: 20, quotes: fold).suffix(3), ["│ … 5 more quoted", "│ lines, with link", "│ [5] (T shows them)"], "wrapped, not cut")
        let many = [Block(.quote, [Run("a\nb\nc\nd\ne\nf\ng\n")] + (0..<12).map { (index: Int) in Run(" l\(index)", link: index) })]
        let manyRows = texts(many, width: 30, quotes: fold)
        XCTAssertTrue(manyRows.joined(separator: " ").contains("[12] (T shows them)"), "\(manyRows)")
        XCTAssertTrue(manyRows.allSatisfy { $0.count <= 30 })
    }

    /// A fold shows the writer's first lines whole, however they wrap, and counts the lines it hides: the
    /// same count at every width.
    func testAFoldCountsTheWritersLinesAtEveryWidth() {
        let fold = QuoteFold(folded: true, key: "T")
        let lines = ["This first quoted line is long enough", "so that it wraps on a narrow pane, twice.",
                     "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
        // Written by a mail program (lines kept as written), and by a page in emphasis and links (runs).
        let plain = [Block(.quote, [Run(lines.joined(separator: "\n"))])]
        let runs = [Block(.quote, [Run(lines[0] + "\n", emphasis: .italic), Run(lines[1], link: 0), Run("\n" + lines[2...].joined(separator: "\n"))])]
        for blocks in [plain, runs] {
            for width in [80, 40, 30, 20] {
                let rows = texts(blocks, width: width, quotes: fold)
                XCTAssertEqual(rows.last, "│ … 6 more quoted lines (T shows them)".truncatedForTest(width), "\(width)")
                let shown = rows.dropLast().map { $0.dropFirst(2) }.joined(separator: " ")
                XCTAssertTrue(shown.hasPrefix(lines[0]) && shown.contains("twice."), "\(width): the first two lines whole: \(rows)")
                XCTAssertFalse(shown.contains("third"), "\(width)")
            }
        }
        XCTAssertEqual(texts(plain, width: 40, quotes: fold), ["│ This first quoted line is long enough", "│ so that it wraps on a narrow pane,",
                                                               "│ twice.", "│ … 6 more quoted lines (T shows them)"])
        // Over several blocks and levels, with a row of bars between two paragraphs of one level.
        let mixed = [Block(.quote, [Run("a")]), Block(.quote, [Run("b\nc")]), Block(.quote, [Run("d\ne\nf")], level: 1)]
        XCTAssertEqual(texts(mixed, width: 40), ["│ a", "│ ", "│ b", "│ c", "│ │ d", "│ │ e", "│ │ f"])
        XCTAssertEqual(texts(mixed, width: 40, quotes: fold), ["│ a", "│ ", "│ … 5 more quoted lines (T shows them)"])
        XCTAssertEqual(QuoteFold.lineCount(Block(.quote, [])), 1)
        // A few long lines (a flowed quote, a paragraph a line) taller than twelve rows fold too, keeping
        // the first line's first rows.
        let paragraph = String(repeating: "a long quoted paragraph of flowed text ", count: 8)
        let flowed = [Block(.quote, [Run(paragraph + "\n" + paragraph + "\n" + paragraph)])]
        let folded = texts(flowed, width: 40, quotes: fold)
        XCTAssertEqual(folded.count, QuoteFold.keptRows + 2, "\(folded)")
        XCTAssertEqual(folded.suffix(2), ["│ … the rest of this line and 2 more", "│ quoted lines (T shows them)"],
                       "the first line is cut too, and the row says so")
        XCTAssertEqual(texts(flowed, width: 200, quotes: fold).count, 6, "six rows at 200 columns: shown whole")
        // A quoted changelog folded shows its first items apart, as it shows them all after `T`.
        let items = (1...8).map { "Item number \($0) changed in the parser when reading messages with long headers" }
        let changelog = [Block(.quote, [Run(items.joined(separator: "\n"))])]
        let preview = texts(changelog, width: 60, quotes: fold)
        XCTAssertEqual(preview.filter { $0.hasPrefix("│ Item number") }.count, 2, "\(preview)")
        XCTAssertEqual(preview.last, "│ … 6 more quoted lines (T shows them)")
        // One long line alone folds too, to its first rows.
        let single = texts([Block(.quote, [Run(paragraph + paragraph)])], width: 40, quotes: fold)
        XCTAssertEqual(single.count, QuoteFold.keptRows + 1, "\(single)")
        XCTAssertEqual(single.last, "│ … the rest of this line (T shows them)")
        XCTAssertEqual(QuoteFold.prefix(of: runs[0], lines: 2).runs.map(\.text), [lines[0] + "\n", lines[1], ""])
    }

    func signature() -> Comment.Attachment { Comment.Attachment(name: "signature.asc", type: "application/pgp-signature", size: 833) }
    func office() -> Comment.Attachment {
        Comment.Attachment(name: "a-really-long-file-name-for-the-report.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 12_000)
    }

    func testAttachmentSizesAndDescriptions() {
        let sizes = [0: "0 B", 1023: "1023 B", 1024: "1.0 KB", 1536: "1.5 KB", 10_188: "9.9 KB", 10_189: "10 KB",
                     122_880: "120 KB", 1_048_063: "1023 KB", 1_048_064: "1.0 MB", 3_355_443: "3.2 MB",
                     52_428_800: "50 MB", 1_073_741_824: "1.0 GB", -5: "0 B", Int.max: "8388608 TB"]
        for (bytes, text) in sizes { XCTAssertEqual(AttachmentLines.size(bytes), text, "\(bytes)") }
        XCTAssertEqual(AttachmentLines.describe(.init(name: "report.pdf", type: "application/pdf", size: 122_880)),
                       "[attachment] report.pdf (application/pdf, 120 KB)")
        XCTAssertEqual(AttachmentLines.describe(.init(name: nil, type: "image/png", size: 10)), "[attachment] image/png (10 B)")
        XCTAssertEqual(AttachmentLines.describe(.init(name: "", type: "", size: 10)), "[attachment] unknown type (10 B)")
        let hostile = Comment.Attachment(name: "a\u{1B}]0;title\u{07}\nb", type: "text/\u{202E}plain", size: 1)
        XCTAssertEqual(AttachmentLines.lines([hostile], width: 80).map(\.text), ["[attachment] a␛ b (text/plain, 1 B)"])
        XCTAssertEqual(AttachmentLines.lines([hostile], width: 10).map(\.text), ["[att] a␛ …"])
        XCTAssertEqual(AttachmentLines.lines([hostile], width: 0).count, 0)
        // A long name gives way to the type and size, keeping its end; too narrow even for that, the row is cut.
        let long = Comment.Attachment(name: "very_long_attachment_name_very_long_attachment_name.pdf", type: "application/pdf", size: 2048)
        XCTAssertEqual(AttachmentLines.lines([long], width: 60).map(\.text), ["[attachment] very_long_attachment_name_very_lo….pdf (2.0 KB)"], "the type goes before the name is cut")
        XCTAssertEqual(AttachmentLines.lines([long], width: 44).map(\.text), ["[attachment] very_long_attachm….pdf (2.0 KB)"], "the type goes before the name")
        XCTAssertEqual(AttachmentLines.lines([long], width: 30).map(\.text), ["[att] very_long_….pdf (2.0 KB)"], "narrow: a short label, no type")
        XCTAssertEqual(AttachmentLines.lines([long], width: 16).map(\.text), ["[att] very_long…"], "too narrow: cut at the end")
        let sheet = Comment.Attachment(name: "Q3 2024 Financial Report (final).xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", size: 123_904)
        for width in 30...60 {
            let rows = AttachmentLines.lines([signature(), sheet], width: width).map(\.text)
            XCTAssertEqual(Set(rows.map { $0.prefix { $0 != " " } }).count, 1, "one label for a message's rows at \(width): \(rows)")
            XCTAssertTrue(rows[1].contains("Q3 2024 F"), "the name keeps its start before the type does, at \(width): \(rows)")
        }
        for width in 24...120 {
            let row = AttachmentLines.lines([long, signature(), office()], width: width).map(\.text)
            XCTAssertTrue(row.allSatisfy { $0.hasSuffix(" KB)") || $0.hasSuffix(" B)") }, "the size shows at \(width): \(row)")
            XCTAssertTrue(row.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(row)")
        }
        let office = Comment.Attachment(name: "report.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 12_000)
        XCTAssertEqual(AttachmentLines.lines([office], width: 80).map(\.text),
                       ["[attachment] report.docx (application/vnd.openxmlformats…singml.document, 12 KB)"])
        let signature = Comment.Attachment(name: "signature.asc", type: "application/pgp-signature", size: 198)
        XCTAssertEqual(AttachmentLines.lines([signature], width: 61).map(\.text), ["[attachment] signature.asc (application/pgp-signature, 198 B)"])
        XCTAssertEqual(AttachmentLines.lines([signature], width: 50).map(\.text), ["[attachment] signature.asc (applicati…ture, 198 B)"])
        let wide = Comment.Attachment(name: "報告書の最終版と添付資料の一覧表.pdf", type: "application/pdf", size: 10)
        XCTAssertEqual(AttachmentLines.lines([wide], width: 52).map(\.text), ["[attachment] 報告書の最終版と添付資料の….pdf (10 B)"])
    }

    func testHostileSubjectsAreSanitizedInTheirRow() {
        var story = StoryBuilder.story("Plan", comments: [(0, "text")])
        story.comments[0].author = "ann"
        story.comments[0].subject = "New\u{1B}[31m subject\r\nsecond line " + String(repeating: "東", count: 100_000)
        let thread = CommentThread(comments: story.comments, rootSubject: story.title)
        var layout = CommentLayout(width: 40)
        let lines = layout.lines(for: 0, in: thread)
        XCTAssertEqual(lines.map(\.kind), [.header, .subject, .text])
        XCTAssertEqual(lines[1].text, "New␛ subject second line 東東東東東東…")
        XCTAssertEqual(lines[1].spans.first?.style, .bold)
        XCTAssertLessThanOrEqual(StyledLine(spans: lines[1].spans).width, 38)
    }

    func testASubjectIsComparedWithItsParentsOrTheStoryTitle() {
        var story = StoryBuilder.story("Plan", comments: [(0, "a"), (1, "b"), (2, "c"), (0, "d")])
        story.comments[0].subject = "Re: Plan"
        story.comments[1].subject = "Budget"
        story.comments[2].subject = "Re: budget"
        story.comments[3].subject = "Re: Plan"
        let thread = CommentThread(comments: story.comments, rootSubject: story.title)
        var layout = CommentLayout(width: 40)
        let subjects = story.comments.indices.map { index in layout.lines(for: index, in: thread).first { $0.kind == .subject }?.text }
        XCTAssertEqual(subjects, [nil, "Budget", nil, nil])
        // A parent without a subject: compared with the story's title.
        story.comments[1].subject = nil
        var other = CommentLayout(width: 40)
        let without = CommentThread(comments: story.comments, rootSubject: story.title)
        XCTAssertEqual(other.lines(for: 2, in: without).first { $0.kind == .subject }?.text, "budget", "shown without its Re:")
        XCTAssertEqual(without.parentSubject(of: 2), "Plan")
    }
}

/// Prose a mail program wrapped at 72 columns is rewrapped in a narrower pane; code, lists and short lines
/// keep their lines.
final class ProseRewrapTests: XCTestCase {
    let prose = """
    The code was overly complicated here because of the limitations that
    we had with RCUs (Couldn't use opp-table and OPPs outside RCU protected
    section). Simplify the code now.
    """

    func testWrappedProseIsRewrappedWhenThePaneIsNarrower() {
        let rows = PreservedWrap.wrap(prose, width: 46)
        XCTAssertEqual(rows, ["The code was overly complicated here because",
                              "of the limitations that we had with RCUs",
                              "(Couldn't use opp-table and OPPs outside RCU",
                              "protected section). Simplify the code now."])
        XCTAssertEqual(PreservedWrap.wrap(prose, width: 80), prose.components(separatedBy: "\n"), "lines kept when they fit")
    }

    /// A log, columns or a program's output keep their lines when the pane is narrower, as mutt shows them;
    /// each line wraps on its own, its spaces kept. The prose around them is still joined.
    func testLogsAndColumnsKeepTheirLines() {
        let log = """
            The server kept refusing connections last night, and this is what the worker logged each time:
            2026-11-26 10:00:01 ERROR [worker-3] connection to db01.example.org:5432 refused
            2026-11-26 10:00:02 INFO  [worker-3] retrying in 5 seconds
            2026-11-26 10:00:07 ERROR [worker-3] connection to db01.example.org:5432 refused
            name       size    modified   owner and group of the file as ls lists them
            kernel.c   12 KB   yesterday  root wheel
            """
        let rows = PreservedWrap.wrap(log, width: 60)
        XCTAssertEqual(rows, ["The server kept refusing connections last night, and this is",
                              "what the worker logged each time:",
                              "2026-11-26 10:00:01 ERROR [worker-3] connection to",
                              "db01.example.org:5432 refused",
                              "2026-11-26 10:00:02 INFO  [worker-3] retrying in 5 seconds",
                              "2026-11-26 10:00:07 ERROR [worker-3] connection to",
                              "db01.example.org:5432 refused",
                              "name       size    modified   owner and group of the file as",
                              "ls lists them",
                              "kernel.c   12 KB   yesterday  root wheel"])
        let gcc = """
            arch/powerpc/sysdev/fsl_rio.c:248: error: 'MCSR_MASK' undeclared (first use in this function)
            arch/powerpc/sysdev/fsl_rio.c:248: error: (Each undeclared identifier is reported only once
            arch/powerpc/sysdev/fsl_rio.c:248: error: for each function it appears in.)
            """
        for width in [50, 60, 70, 80, 90, 100] {
            let starts = PreservedWrap.wrap(gcc, width: width).filter { $0.hasPrefix("arch/") }.count
            XCTAssertEqual(starts, 3, "each error starts its own row at \(width)")
        }
        XCTAssertFalse(ProseRun.isStructured("Two spaces after a full stop.  Then the next sentence goes on."))
        XCTAssertFalse(ProseRun.isStructured("In 2023 we bought forty servers, and kept 40 TB of disks."))
        XCTAssertTrue(ProseRun.isStructured("12:00:01.123 0x7ffd 0x0000 4096 8192"))
        XCTAssertTrue(ProseRun.isStructured("    if (x->y[0] != NULL) { return -EINVAL; }".drop { $0 == " " }))
        XCTAssertFalse(ProseRun.isStructured("A: On 2024-01-01 at 10:00 the build started, and at 10:05"), "dates and times in prose")
        XCTAssertFalse(ProseRun.isStructured("2024-01-03 at 09:00 but the CI was red, so it slipped until the"), "a date alone starts prose")
        XCTAssertFalse(ProseRun.isStructured("and/or the release notes, which we wrote last week"))
        XCTAssertTrue(ProseRun.isStructured("arch/powerpc/sysdev/fsl_rio.c:248: error: 'MCSR_MASK' undeclared"))
        XCTAssertTrue(ProseRun.isStructured("arch/powerpc/sysdev/fsl_rio.c: In function 'fsl_rio_mcheck_exception':"))
        for prose in ["10:00 the next day we had a fix and at 16:00 the", "src/net/socket.c:248 used a constant that the"] {
            XCTAssertFalse(ProseRun.isStructured(Substring(prose)), prose)
        }
        let wrapped = "We shipped it on Monday but the tarballs were broken, and it slipped until the afternoon when by\n"
            + "10:00 the next day we had a fix; 2.6.35 is broken on my machine and you need the option\n"
            + "--enable-foo to get it working again, as the release notes will say tomorrow morning."
        XCTAssertEqual(PreservedWrap.wrap(wrapped, width: 50).count, 6, "\(PreservedWrap.wrap(wrapped, width: 50))")
        XCTAssertTrue(ProseRun.isStructured("fsl_rio.c:248: error: for each function it appears in."))
        XCTAssertTrue(ProseRun.isStructured("[10:00:01] worker started and is waiting for jobs now"))
        XCTAssertTrue(ProseRun.isStructured("2026-11-26 10:00:01 worker started and is waiting for jobs"))
    }

    func testCodeListsAndShortLinesKeepTheirLines() {
        let text = "Changes in this version, all of them tested on real hardware:\n- first item\n- second item\n    indented code line that is long enough to be cut here\nThanks,\nViresh"
        let rows = PreservedWrap.wrap(text, width: 40)
        XCTAssertTrue(rows.contains("- first item"), "\(rows)")
        XCTAssertTrue(rows.contains("- second item"))
        XCTAssertEqual(rows.suffix(2), ["Thanks,", "Viresh"])
    }

    /// A list item the sender's program wrapped under its text is rewrapped as one when the pane is
    /// narrower, its rows under its text; a nested item, a log line and an item that fits keep their lines.
    func testWrappedListItemsAreRewrappedUnderTheirText() {
        let text = """
            Three things changed in this release of the reader, and each needs a word:
            - the first point is long and was wrapped by the sender's program
              at seventy-two columns, so it goes on here and ends here.
            - second, short
              - a nested item that stands on its own line as it was written
            12. numbered items wrap the same way when the sender's program wrapped
                them under their text, as this one is.
            """
        let rows = PreservedWrap.wrap(text, width: 40)
        XCTAssertEqual(rows, ["Three things changed in this release of",
                              "the reader, and each needs a word:",
                              "- the first point is long and was",
                              "  wrapped by the sender's program at",
                              "  seventy-two columns, so it goes on",
                              "  here and ends here.",
                              "- second, short",
                              "  - a nested item that stands on its own",
                              "    line as it was written",
                              "12. numbered items wrap the same way",
                              "    when the sender's program wrapped",
                              "    them under their text, as this one",
                              "    is."])
        XCTAssertEqual(PreservedWrap.wrap(text, width: 80), text.components(separatedBy: "\n"), "lines kept when they fit")
        // Too narrow for the hanging indent: the item's rows start at the margin.
        XCTAssertEqual(PreservedWrap.wrap("- a long item that wraps", width: 11), ["- a long", "item that", "wraps"])
        XCTAssertNil(ListItemRun.marker("2.6.35 is broken"))
        XCTAssertNil(ListItemRun.marker("-- "))
        XCTAssertNil(ListItemRun.marker("2026. was a year"))
        XCTAssertEqual(ListItemRun.marker("  * starred"), "  * ")
    }

    /// The writer's own breaks stay: after a line longer than any program fills to (a client that does not
    /// wrap), and before short lines that follow one another (a schedule after `…as follows:`).
    /// One-line items filled near 72 columns (release notes, a changelog) are not one paragraph: each break
    /// falls where an item ends. Joined, the items ran into one another ("…long headers Improved the…").
    func testLinesThatEachEndAnItemKeepTheirBreaks() {
        let notes = """
            Fixed a crash in the parser when reading messages with very long headers
            Improved the speed of the threading code for mailboxes with many replies
            Changed the default sort order of the index to newest first by default
            Removed the deprecated option for the old configuration file format now
            """
        XCTAssertEqual(PreservedWrap.wrap(notes, width: 60), [
            "Fixed a crash in the parser when reading messages with very", "long headers",
            "Improved the speed of the threading code for mailboxes with", "many replies",
            "Changed the default sort order of the index to newest first", "by default",
            "Removed the deprecated option for the old configuration file", "format now"])
        let refs = """
            Fixed a crash in the parser when reading very long headers (#1234)
            Improved the speed of the threading code for big mailboxes (#1240)
            Changed the default sort order of the index to newest first (#1251)
            Removed the deprecated option for the old configuration file (#1260)
            """
        XCTAssertEqual(PreservedWrap.wrap(refs, width: 60).filter { $0.hasSuffix(")") }.count, 4, "\(PreservedWrap.wrap(refs, width: 60))")
        let sentences = """
            Original line number 1 of the earlier message, talking about things here.
            Original line number 2 of the earlier message, talking about things here.
            Original line number 3 of the earlier message, talking about things here.
            """
        XCTAssertEqual(PreservedWrap.wrap(sentences, width: 60).filter { $0.hasPrefix("Original") }.count, 3)
        // A paragraph whose lines end mid-sentence is still joined, also when one break is before a name.
        let prose = "We talked about the release at length in the meeting and then we asked\nGreg whether the parser could be changed without breaking the old format\nof the configuration file, and he said it could."
        XCTAssertEqual(PreservedWrap.wrap(prose, width: 60).joined(separator: " "), prose.replacingOccurrences(of: "\n", with: " "))
        // Two lines, or three of German (nouns capitalised), breaking before capitals: filled prose, joined.
        let two = "Keith is looking at the problem with the rename handling, but He's traveling to\nBarcelona today and so it won't get fixed for a while, as far as I can tell."
        XCTAssertEqual(PreservedWrap.wrap(two, width: 60).count, 3, "\(PreservedWrap.wrap(two, width: 60))")
        // Three items ending in references are items; a pasted `git log --oneline` keeps its lines; four lines
        // of prose breaking before nouns after an article are prose.
        let three = "Fixed a crash in the parser when reading very long headers (#1234)\nImproved the speed of the threading code for big mailboxes (#1240)\nChanged the default sort order of the index to newest first (#1251)"
        XCTAssertEqual(PreservedWrap.wrap(three, width: 60).filter { $0.hasSuffix(")") }.count, 3, "\(PreservedWrap.wrap(three, width: 60))")
        // A line starting with a commit's hash in prose is prose (`…introduced by commit` / `3a4b5c6d7e8f (…`).
        let hash = "The regression was introduced by the change that went in last week as commit\n3a4b5c6d7e8f (\"mm: fix the accounting\"), which we now revert here."
        XCTAssertEqual(PreservedWrap.wrap(hash, width: 60).joined(separator: " "), hash.replacingOccurrences(of: "\n", with: " "))
        // A list of commits as `git log --oneline` writes it keeps its lines.
        let log = "d0d6370 An HTML signature written a div a line is one dimmed block now\nf691036 D shows comment dates as 2009-11-17 19:00, short enough for a row\n0f2aed1 Mark all read answers with what it marked, in undo's words here"
        XCTAssertEqual(PreservedWrap.wrap(log, width: 60).filter { $0.first?.isHexDigit == true && $0.dropFirst(7).first == " " }.count, 3,
                       "\(PreservedWrap.wrap(log, width: 60))")
        // A patch series' cover list keeps its lines.
        let series = "[PATCH 1/3] drm/i915: move the display code into a directory of its own\n[PATCH 2/3] drm/i915: split the power well code from the display code\n[PATCH 3/3] drm/i915: remove the old wrappers that nothing calls any more"
        XCTAssertEqual(PreservedWrap.wrap(series, width: 60).filter { $0.hasPrefix("[PATCH") }.count, 3, "\(PreservedWrap.wrap(series, width: 60))")
        // German prose whose lines end on prepositions before nouns is prose.
        let mit = "Wir haben den Import der großen Postfächer gestern noch einmal getestet mit\nDateien aus dem alten Archiv, und der Import brach dabei immer wieder ab von\nZeit zu Zeit, ohne dass wir den Grund dafür im Protokoll finden konnten, und\nNachrichten gingen dabei zum Glück keine verloren, wie wir gesehen haben."
        XCTAssertEqual(PreservedWrap.wrap(mit, width: 45).joined(separator: " "), mit.replacingOccurrences(of: "\n", with: " "))
        // An item may end on a particle (`back on`).
        let particles = "Fixed the crash when the wireless network was switched off and back on\nImproved the speed of the threading code for the mailboxes with many\nChanged the default sort order of the message index to the newest first\nRemoved the deprecated option for the old configuration file format"
        XCTAssertEqual(PreservedWrap.wrap(particles, width: 60).filter { $0.hasPrefix("Fixed") || $0.hasPrefix("Improved") || $0.hasPrefix("Changed") || $0.hasPrefix("Removed") }.count, 4,
                       "\(PreservedWrap.wrap(particles, width: 60))")
        let shortlog = "net: a change to the socket layer that makes the buffers a little larger\nipv6: fix the route lookup for link-local addresses on bridged devices"
        XCTAssertTrue(PreservedWrap.wrap(shortlog, width: 60).contains { $0.hasPrefix("ipv6:") }, "\(PreservedWrap.wrap(shortlog, width: 60))")
        let vier = "Wir haben die neue Version gestern den ganzen Tag lang getestet und die\nErgebnisse sind gut, nur beim Import großer Postfächer gab es noch die\nProbleme mit dem Speicher, die wir schon aus der letzten Woche kannten, und\nDaten gingen dabei zum Glück nie verloren, wie wir am Ende gesehen haben."
        XCTAssertEqual(PreservedWrap.wrap(vier, width: 60).joined(separator: " "), vier.replacingOccurrences(of: "\n", with: " "))
        let german = "Wir haben gestern lange über die neue Version gesprochen und dabei die\nNetzwerkkarte im alten Server getauscht, weil sie immer wieder die\nVerbindung verloren hat und niemand mehr wusste, woran es lag."
        XCTAssertEqual(PreservedWrap.wrap(german, width: 60).joined(separator: " "), german.replacingOccurrences(of: "\n", with: " "))
    }

    func testTheWritersOwnLineBreaksAreKept() {
        let report = "I have attached the report you asked for, please let me know if anything is missing from it.\nThanks,\nBob"
        XCTAssertEqual(PreservedWrap.wrap(report, width: 60), ["I have attached the report you asked for, please let me know",
                                                                "if anything is missing from it.", "Thanks,", "Bob"])
        let schedule = "Here is the schedule for next week, as we agreed in the meeting:\nMonday: planning\nTuesday: coding\n\nDone."
        XCTAssertEqual(PreservedWrap.wrap(schedule, width: 40), ["Here is the schedule for next week, as",
                                                                  "we agreed in the meeting:", "Monday: planning", "Tuesday: coding", "", "Done."])
        // A wrapped paragraph's short last line is still joined, before a blank line or at the end.
        let paragraph = "The code was overly complicated here because of the limitations that\nwe had with RCUs.\n\nNext."
        XCTAssertEqual(PreservedWrap.wrap(paragraph, width: 40), ["The code was overly complicated here", "because of the limitations that we had",
                                                                   "with RCUs.", "", "Next."])
    }
}

private extension String {
    /// The text as a row of `width` cells shows it (`QuoteFold.summary` cuts with `…`).
    func truncatedForTest(_ width: Int) -> String { StyledLine(text: self, style: .plain).truncated(to: width).text }

    /// Program output with labels (`E:`, `Err:1`, `Kernel:`) and log levels keeps its lines; a number that
    /// starts a line mid-sentence is no list item; a name signing off after a finished sentence is no part
    /// of the paragraph.
    func testLabelsLogLevelsSentenceNumbersAndSignOffs() {
        let apt = """
            Err:1 http://deb.example.org stable InRelease 403 Forbidden [IP: 1.2.3.4 80]
            E: The repository 'http://deb.example.org stable InRelease' is not signed.
            N: Updating from such a repository can't be done securely, and is therefore
            """
        XCTAssertEqual(PreservedWrap.wrap(apt, width: 46).filter { $0.hasPrefix("E:") || $0.hasPrefix("N:") || $0.hasPrefix("Err:1") }.count, 3,
                       "\(PreservedWrap.wrap(apt, width: 46))")
        XCTAssertTrue(ProseRun.isStructured("ERROR 2024-01-01 main: cannot open /var/lib/thing/state.db: EACCES"))
        XCTAssertFalse(ProseRun.isStructured("NASA 2024 budget talks went on for most of the week, and the"))
        let version = "We waited for a long time before we changed the version number was\n2. After that the team grew quickly and we moved to a monthly schedule."
        XCTAssertEqual(PreservedWrap.wrap(version, width: 60).last, "monthly schedule.", "\(PreservedWrap.wrap(version, width: 60))")
        let signed = "We looked at every option and this is the only responsible course of action.\nBob"
        XCTAssertEqual(PreservedWrap.wrap(signed, width: 60).last, "Bob")
        let list = "Steps, in order:\n2. unpack the archive into a folder of its own, then run the configure script\n   with the defaults"
        XCTAssertEqual(PreservedWrap.wrap(list, width: 50)[1].hasPrefix("2. unpack"), true)
    }
}

/// `D` shows comment dates in full instead of ages, and back.
final class CommentDatesTests: XCTestCase {
    func testDShowsFullDatesAndBack() {
        var story = StoryBuilder.story("mail:a@example.org", comments: [(0, "First."), (1, "Second.")])
        story.comments[0].date = Date(timeIntervalSince1970: 1_258_480_800)  // 2009-11-17 18:00 UTC
        story.comments[1].date = Date(timeIntervalSince1970: 1_258_484_400)
        var state = AppState(stories: [story], readState: ReadState(), width: 120, height: 30)
        state.timeZone = TimeZone(identifier: "UTC")!
        state.press(.tab, .tab)
        let ages = state.render().text
        XCTAssertTrue(ages.contains(" ago"), ages)
        state.press(.character("D"))
        let dates = state.render().text
        XCTAssertTrue(dates.contains("Comments show their dates"), dates)
        XCTAssertFalse(dates.components(separatedBy: "\n").dropLast().contains { $0.contains(" ago") }, dates)
        XCTAssertTrue(dates.contains("● 2009-11-17 18:00") && dates.contains("● 2009-11-17 19:00"), dates)
        state.press(.character("D"))
        XCTAssertTrue(state.render().text.contains(" ago"))
    }
}

extension CommentDatesTests {
    /// A reply whose own parent is not saved says so under its header.
    func testAReplyToAMissingMessageSaysSo() {
        var story = StoryBuilder.story("mail:a@example.org", comments: [(0, "Answer.")])
        story.comments[0].answersMissingMessage = true
        story.comments[0].author = "Frank"
        let thread = CommentThread(comments: story.comments, rootSubject: story.title)
        var layout = CommentLayout(width: 60)
        let lines = layout.lines(for: 0, in: thread)
        XCTAssertEqual(lines.map(\.text).dropFirst().first, "in reply to a message not saved here")
        XCTAssertEqual(lines.dropFirst().first?.kind, .stub)
    }
}

/// A list mark in a table cell is held to its item by a no-break space, shown as a space.
final class TableListMarkTests: XCTestCase {
    func testTheMarkStaysWithItsItemAndShowsAsASpace() {
        let rows = [["1.2", "2024-01-01", "•\u{A0}Faster import •\u{A0}New theme"]]
        for width in [80, 30, 20] {
            let lines = TableLayout.lines(rows, width: width).map(\.text)
            XCTAssertFalse(lines.joined().contains("\u{A0}"), "\(width): \(lines)")
            XCTAssertFalse(lines.contains { $0.hasSuffix("•") }, "\(width): no row ends on a bare mark: \(lines)")
        }
    }
}

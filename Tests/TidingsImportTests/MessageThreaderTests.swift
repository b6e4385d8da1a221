import Foundation
import XCTest
@testable import TidingsModel
import TidingsTestSupport

final class MessageThreaderTests: XCTestCase {
    private func message(_ id: String?, _ parents: [String] = [], date: Double? = nil) -> ThreadInput {
        ThreadInput(id: id, parents: parents, date: date.map { Date(timeIntervalSinceReferenceDate: $0) })
    }

    /// Each thread as lines: a dot per level, then the input index, or "?" and the id of a placeholder.
    /// Checks the invariants first, so the outline (depths in pre-order) fixes every parent.
    private func outline(_ inputs: [ThreadInput], file: StaticString = #filePath, line: UInt = #line) -> [[String]] {
        let threads = MessageThreader.threads(inputs)
        XCTAssertNil(ThreadInvariants.problem(threads, inputs: inputs), file: file, line: line)
        return threads.map { thread in
            thread.nodes.map { String(repeating: ".", count: $0.depth) + ($0.message.map(String.init) ?? "?" + ($0.placeholderID ?? "")) }
        }
    }

    func testASimpleTree() {
        let inputs = [message("a"), message("b", ["a"]), message("c", ["a"]), message("d", ["a", "b"]), message("e")]
        XCTAssertEqual(outline(inputs), [["0", ".1", "..3", ".2"], ["4"]])
        let thread = MessageThreader.threads(inputs)[0]
        XCTAssertEqual(thread.nodes.map(\.parent), [nil, 0, 1, 0])
        XCTAssertEqual(thread.nodes.map(\.placeholderID), [nil, nil, nil, nil])
    }

    func testAMissingRootOverOneChainStaysAsAPlaceholder() {
        let inputs = [message("b", ["a"]), message("c", ["a", "b"]), message("d", ["a", "b", "c"])]
        XCTAssertEqual(outline(inputs), [["?a", ".0", "..1", "...2"]])
        XCTAssertEqual(MessageThreader.threads(inputs)[0].nodes[0],
                       MessageThreader.threads([message("x", ["a"])])[0].nodes[0])
    }

    func testAMissingRootWithTwoRepliesIsOnePlaceholderOverBoth() {
        XCTAssertEqual(outline([message("b", ["a"]), message("c", ["a"])]), [["?a", ".0", ".1"]])
    }

    func testMissingMiddleMessagesLeaveTheirRepliesUnderTheGrandparent() {
        let inputs = [message("a"), message("c", ["a", "b"]), message("d", ["a", "b"]), message("e", ["a", "x", "y"]),
                      message("f", ["a", "b", "c"])]
        XCTAssertEqual(outline(inputs), [["0", ".1", "..4", ".2", ".3"]])
    }

    func testADuplicateIDGetsAContainerOfItsOwnUnderItsParents() {
        let inputs = [message("a"), message("a"), message("b", ["a"]), message("a", ["b"]), message("a", ["a"])]
        // The first "a" owns the id (b hangs under it); the later ones stand alone or under their own parents,
        // and the last one's parent is its own id, so that link is ignored.
        XCTAssertEqual(outline(inputs), [["0", ".2", "..3"], ["1"], ["4"]])
    }

    func testMessagesSharingAnIdAreOwnedAndNumberedByDateInEitherOrder() {
        let early = message("a", date: 10), late = message("a", date: 20), reply = message("r", ["a"], date: 30)
        XCTAssertEqual(outline([late, early, reply]), [["0"], ["1", ".2"]])
        XCTAssertEqual(MessageThreader.threadsCountingCopies([late, early, reply]).copiesBefore, [1, 0, 0])
        XCTAssertEqual(MessageThreader.threadsCountingCopies([early, late, reply]).copiesBefore, [0, 1, 0])
        XCTAssertEqual(outline([early, late, reply]), [["0", ".2"], ["1"]])
    }

    func testEmptyIDsAreNoIDs() {
        let inputs = [message(""), message("b", [""]), message(nil, ["b"]), message("", ["", "b"])]
        XCTAssertEqual(outline(inputs), [["0"], ["1", ".2", ".3"]])
    }

    func testAnOrphanWithoutAnID() {
        XCTAssertEqual(outline([message(nil), message("a"), message(nil, ["a"]), message(nil, ["zz"])]),
                       [["0"], ["1", ".2"], ["?zz", ".3"]])
    }

    func testALoopBetweenSavedMessagesStartsAtItsEarliestInEitherOrder() {
        // a says its parent is b and b says its parent is a: the one written first is the thread's start, in
        // whichever order they come (a thread is read again from its own messages, listed from all of them).
        XCTAssertEqual(outline([message("a", ["b"], date: 10), message("b", ["a"], date: 20)]), [["0", ".1"]])
        XCTAssertEqual(outline([message("b", ["a"], date: 20), message("a", ["b"], date: 10)]), [["1", ".0"]])
        XCTAssertEqual(outline([message("a", ["c"], date: 30), message("b", ["a"], date: 20), message("c", ["b"], date: 10)]),
                       [["2", ".0", "..1"]])
        XCTAssertEqual(outline([message("c", ["b"], date: 10), message("a", ["c"], date: 30), message("b", ["a"], date: 20)]),
                       [["0", ".1", "..2"]])
        // Undated, or dated alike: the same message in either order (by its id's stable hash).
        for dates in [[nil, nil], [5.0, 5.0]] as [[Double?]] {
            let forward = MessageThreader.threads([message("a", ["b"], date: dates[0]), message("b", ["a"], date: dates[1])])
            let backward = MessageThreader.threads([message("b", ["a"], date: dates[1]), message("a", ["b"], date: dates[0])])
            XCTAssertEqual(forward[0].nodes[0].message, 1 - (backward[0].nodes[0].message ?? -1))
        }
        // A dated message goes before an undated one.
        XCTAssertEqual(outline([message("a", ["b"]), message("b", ["a"], date: 99)]), [["1", ".0"]])
    }

    func testALoopThroughAPlaceholderIsCutAtThePlaceholderInEitherOrder() {
        // p1 says it answers the cover letter; p2's References put the (missing) cover letter under p1. The
        // messages' own headers win: the cover stays the root, in either order.
        XCTAssertEqual(outline([message("p1", ["cover"]), message("p2", ["p1", "cover"])]), [["?cover", ".0", ".1"]])
        XCTAssertEqual(outline([message("p2", ["p1", "cover"]), message("p1", ["cover"])]), [["?cover", ".0", ".1"]])
    }

    func testALoopInsideOneReferencesHeader() {
        // References a, b, a: b under a, then a under b would loop and is refused; the message hangs under a,
        // and b, a placeholder with nothing under it, is dropped.
        XCTAssertEqual(outline([message("c", ["a", "b", "a"])]), [["?a", ".0"]])
        // A saved message's own headers settle its parent: b names none, so it is a root whatever c's
        // References say above it, and c's a (the reference after b) hangs under it.
        XCTAssertEqual(outline([message("c", ["a", "b", "a"]), message("b")]), [["1", ".0"]])
        XCTAssertEqual(outline([message("b"), message("c", ["a", "b", "a"])]), [["0", ".1"]])
        XCTAssertEqual(outline([message("c", ["a", "b", "a", "b"]), message("a")]), [["1", ".0"]])
    }

    func testASavedMessagesOwnHeadersSettleItsParentInEitherOrder() {
        // b names no parent, so c's References cannot put it under a (JWZ would when c comes first).
        XCTAssertEqual(outline([message("b"), message("c", ["a", "b"])]), [["0", ".1"]])
        XCTAssertEqual(outline([message("c", ["a", "b"]), message("b")]), [["1", ".0"]])
        // b says its thread starts at a: c's longer References above that are not used.
        XCTAssertEqual(outline([message("b", ["a"]), message("c", ["x", "a", "b"])]), [["?a", ".0", "..1"]])
        // A missing message is placed by the first References that name a parent for it.
        XCTAssertEqual(outline([message("c", ["a", "m"]), message("d", ["b", "m"]), message("a"), message("b")]),
                       [["2", ".0", ".1"], ["3"]])
    }

    func testAMessageListedAmongItsOwnParentsIgnoresThatLink() {
        XCTAssertEqual(outline([message("a", ["a"]), message("b", ["a", "b", "b"]), message("c", ["c", "a"])]),
                       [["0", ".1", ".2"]])
    }

    /// The direct parent is the last one listed: a patch whose two References headers give [patch1, cover]
    /// hangs under the cover letter, one giving [cover, patch1] under patch 1.
    func testPatchSeriesWithTwoReferencesHeaders() {
        let underCover = [message("cover"), message("p1", ["cover"]), message("p2", ["p1", "cover"])]
        XCTAssertEqual(outline(underCover), [["0", ".1", ".2"]])
        let underPatch = [message("cover"), message("p1", ["cover"]), message("p2", ["cover", "p1"])]
        XCTAssertEqual(outline(underPatch), [["0", ".1", "..2"]])
        // Without the cover letter, [p1, cover] would put the missing cover under p1 while p1 sits under the
        // cover: the later link (p2's) is refused, and both patches hang under the missing cover.
        XCTAssertEqual(outline([message("p1", ["cover"]), message("p2", ["p1", "cover"])]), [["?cover", ".0", ".1"]])
    }

    func testRepliesByDateThenInputOrderAndThreadsByTheirFirstMessage() {
        let inputs = [message("b", ["a"], date: 50), message("a", date: 0), message("c", ["a"], date: 30),
                      message("d", ["a"]), message("e", ["a"], date: 30), message("f", date: -10), message("g", ["f"], date: .nan)]
        // No date (and a date that is not a number) counts as earliest; equal dates keep input order.
        XCTAssertEqual(outline(inputs), [["1", ".3", ".2", ".4", ".0"], ["5", ".6"]])
    }

    func testAChainOfAHundredThousand() {
        let count = 100_000
        let ids = (0..<count).map { "m\($0)@x" }
        let forward = (0..<count).map { message(ids[$0], $0 > 0 ? [ids[$0 - 1]] : []) }
        let start = Date()
        let threads = MessageThreader.threads(forward)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(threads.count, 1)
        XCTAssertEqual(threads.first?.nodes.map(\.message), (0..<count).map { $0 })
        XCTAssertEqual(threads.first?.nodes.map(\.depth), Array(0..<count))
        XCTAssertNil(ThreadInvariants.problem(threads, inputs: forward))
        // Newest first, and with the root missing: the same chain under a placeholder.
        let backward = Array(forward.dropFirst().reversed())
        let other = MessageThreader.threads(backward)
        XCTAssertEqual(other.count, 1)
        XCTAssertEqual(other.first?.nodes.first?.placeholderID, "m0@x")
        XCTAssertEqual(other.first?.nodes.dropFirst().map(\.message), (0..<(count - 1)).reversed().map { $0 })
        XCTAssertEqual(other.first?.nodes.last?.depth, count - 1)
    }

    func testTenThousandReferencesOnOneMessage() {
        let references = (0..<10_000).map { "r\($0)" }
        let start = Date()
        XCTAssertEqual(outline([message("x", references)]), [["?r0", ".0"]])
        XCTAssertEqual(outline([message("x", references), message("r5000", Array(references.prefix(5000)))]),
                       [["?r0", ".1", "..0"]])
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testEveryMessageQuotingTheWholeChainBeforeIt() {
        // 3,000 messages: the References alone are 4.5 million strings.
        let count = 3_000
        let ids = (0..<count).map { "m\($0)" }
        let inputs = (0..<count).map { message(ids[$0], Array(ids[0..<$0])) }
        let start = Date()
        let threads = MessageThreader.threads(inputs)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
        XCTAssertEqual(threads.count, 1)
        XCTAssertEqual(threads.first?.nodes.map(\.depth), Array(0..<count))
    }

    func testRandomInputsKeepTheInvariants() {
        var random = SeededRandom(seed: 20_240_601)
        let alphabet = ["a", "b", "c", "d", "e", "f", ""]
        for round in 0..<2_000 {
            let inputs = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                ThreadInput(id: Int.random(in: 0...7, using: &random) == 0 ? nil : alphabet.randomElement(using: &random),
                            parents: (0..<Int.random(in: 0...5, using: &random)).compactMap { _ in alphabet.randomElement(using: &random) },
                            date: Bool.random(using: &random) ? nil : Date(timeIntervalSinceReferenceDate: Double(Int.random(in: 0...3, using: &random))))
            }
            let threads = MessageThreader.threads(inputs)
            if let problem = ThreadInvariants.problem(threads, inputs: inputs) {
                XCTFail("round \(round): \(problem) for \(inputs)")
                return
            }
            XCTAssertEqual(MessageThreader.threads(inputs), threads)
        }
    }
}

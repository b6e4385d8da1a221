import Foundation
import XCTest
@testable import TidingsModel

/// Threading by ids' hashes (archives and Maildirs, listed without a string per message) gives the threads
/// threading by the ids themselves gives: the same trees, placeholders, broken loops and counted copies.
final class KeyedThreadingTests: XCTestCase {
    /// Random messages over a few ids: missing parents, repeated ids, loops, a message among its own parents,
    /// empty parents. Each parent once, as envelopes give them.
    func randomInputs(_ generator: inout some RandomNumberGenerator) -> [ThreadInput] {
        let names = (0..<12).map { "id\($0)@example.org" }
        return (0..<Int.random(in: 1...20, using: &generator)).map { _ in
            let id = Bool.random(using: &generator) || Int.random(in: 0..<8, using: &generator) > 0
                ? names.randomElement(using: &generator) : nil
            var parents: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let parent = Int.random(in: 0..<10, using: &generator) == 0 ? "" : names.randomElement(using: &generator)!
                if parent.isEmpty || !parents.contains(parent) { parents.append(parent) }
            }
            let date = Int.random(in: 0..<3, using: &generator) == 0 ? nil : Date(timeIntervalSince1970: Double(Int.random(in: 0..<5, using: &generator)))
            return ThreadInput(id: id, parents: parents, date: date)
        }
    }

    func keyed(_ inputs: [ThreadInput]) -> KeyedThreadIDs {
        var keys = KeyedThreadIDs(capacity: inputs.count, naming: { "key\($0)" })
        for input in inputs {
            keys.addMessage(input.id.map(KeptMessage.key) ?? 0)
            for parent in input.parents where !parent.isEmpty { keys.addParent(KeptMessage.key(parent)) }
        }
        return keys
    }

    func testKeyedThreadingAgreesWithThreadingByIDs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let inputs = randomInputs(&generator)
            let byID = MessageThreader.threadsCountingCopies(inputs)
            let byKey = MessageThreader.threadsCountingCopies(keyed(inputs), dates: inputs.map(\.date))
            XCTAssertEqual(byKey.copiesBefore, byID.copiesBefore, "\(inputs)")
            XCTAssertEqual(byKey.threads.count, byID.threads.count, "\(inputs)")
            for (key, id) in zip(byKey.threads, byID.threads) {
                XCTAssertEqual(key.nodes.map(\.message), id.nodes.map(\.message), "\(inputs)")
                XCTAssertEqual(key.nodes.map(\.depth), id.nodes.map(\.depth))
                XCTAssertEqual(key.nodes.map(\.parent), id.nodes.map(\.parent))
                XCTAssertEqual(key.nodes.map(\.placeholderID), id.nodes.map { $0.placeholderID.map { "key\(KeptMessage.key($0))" } },
                               "a placeholder is named by its hash")
            }
        }
    }

    func testRepeatedParentsAreAddedOnce() {
        var keys = KeyedThreadIDs(capacity: 2, naming: { "\($0)" })
        keys.addMessage(1)
        [5, 0, 5, 6].forEach { keys.addParent($0) }
        keys.addMessage(2)
        keys.addParent(5)
        XCTAssertEqual(Array(keys.parents(of: 0)), [5, 6])
        XCTAssertEqual(Array(keys.parents(of: 1)), [5])
        XCTAssertNil(keys.id(of: 0).flatMap { $0 == 1 ? nil : $0 })
    }
}

extension KeyedThreadingTests {
    /// A message naming thousands of parents (a hostile References header, or one id over and over) has each
    /// once, oldest first, whichever way they are added.
    func testALongListOfParentsIsAddedOnceEach() {
        var keys = KeyedThreadIDs(capacity: 2, naming: { "\($0)" })
        keys.addMessage(1)
        keys.addParents((0..<3_000).map { UInt64($0 % 5 + 10) } + [0, 99])
        XCTAssertEqual(Array(keys.parents(of: 0)), [10, 11, 12, 13, 14, 99])
        keys.addMessage(2)
        keys.addParents((0..<10_000).map { UInt64($0 + 100) })
        XCTAssertEqual(keys.parents(of: 1).count, 10_000)
        XCTAssertEqual(keys.parents(of: 1).first, 100)
    }
}

import XCTest
@testable import TidingsModel

/// The id table under the worst hashing: every id with the same hash, past several growths.
final class ThreadIDTableTests: XCTestCase {
    func testEqualHashesStillFindEachIDAfterGrowing() {
        var table = ThreadIDTable(capacity: 0)
        let ids = (0..<500).map { "id\($0)" }
        for (index, id) in ids.enumerated() {
            XCTAssertNil(table.find(7, isID: { ids[$0] == id }))
            table.insert(7, container: index)
        }
        for (index, id) in ids.enumerated() { XCTAssertEqual(table.find(7, isID: { ids[$0] == id }), index) }
        XCTAssertNil(table.find(7, isID: { _ in false }))
        XCTAssertNil(table.find(8, isID: { _ in true }))
        XCTAssertNotEqual(ThreadIDTable.hash(""), 0)
        XCTAssertEqual(ThreadIDTable.hash("<a@b>"), ThreadIDTable.hash(String("x<a@b>".dropFirst())))
    }
}

import Foundation
import XCTest
@testable import TidingsModel

/// A save that cannot be done says why as a value, and in words from one place.
final class StateFileProblemTests: XCTestCase {
    func testSaveFailuresAreValuesWithWords() throws {
        let folder = NSTemporaryDirectory() + "tidings-problem-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: folder + "/blocker"))
        let store = ReadStateStore(path: folder + "/blocker/state.json")
        XCTAssertThrowsError(try store.save(changes: [], fallback: ReadState())) { error in
            guard case .notAFile(let refusal)? = error as? StateFileProblem else { return XCTFail("\(error)") }
            XCTAssertEqual(refusal.kind, .insideFile(folder + "/blocker"))
            XCTAssertEqual("\(error)", "\(folder)/blocker/state.json cannot be created: \(folder)/blocker is a file, not a folder; it is left as it is")
        }
        XCTAssertThrowsError(try AtomicFile.createFolders(folder + "/blocker/inner")) { error in
            XCTAssertEqual(error as? StateFileProblem, .fileInTheWay(folder: folder + "/blocker"))
        }
    }
}

import Foundation
import TidingsModel
import TidingsUI

/// Writes the session file on a background queue, one write after another; failures are ignored, since
/// the session is only comfort and the read state has its own messages.
final class SessionWriter: Sendable {
    private let file: SessionFile
    private let queue = DispatchQueue(label: "tidings.session")

    init(file: SessionFile) { self.file = file }

    func save(_ session: SavedSession) {
        queue.async { [file] in try? file.save(session) }
    }

    /// Writes the last session and waits for every write queued before it.
    func finish(_ session: SavedSession) {
        queue.sync { try? file.save(session) }
    }
}

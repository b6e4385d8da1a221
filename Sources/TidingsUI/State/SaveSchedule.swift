import Foundation

/// When read marks are saved: half a second after a change, again every three seconds while saves fail,
/// and always before quitting.
struct SaveSchedule: Sendable {
    static let interval: TimeInterval = 0.5
    static let retryInterval: TimeInterval = 3
    var savedRevision = 0
    var lastSave: Date?
    var failing = false
}

/// An importer's answer to "is this file yours?", with the reason when it is not.
public struct ImportClaim: Sendable, Equatable {
    public var confidence: ImportConfidence
    /// Why the file is not this importer's (shown for files skipped as not stories).
    public var reason: String?
    /// The file should have been this importer's but is damaged (a `.txt` that is binary): a real problem,
    /// not a file to skip quietly.
    public var damage: LoadFailure?

    public init(_ confidence: ImportConfidence, reason: String? = nil, damage: LoadFailure? = nil) {
        self.confidence = confidence
        self.reason = reason
        self.damage = damage
    }

    public static func no(_ reason: String) -> ImportClaim { ImportClaim(.none, reason: reason) }
    public static func damaged(_ failure: LoadFailure) -> ImportClaim { ImportClaim(.none, damage: failure) }
}

import Foundation
import TidingsModel

/// A mouse button or wheel event at a screen cell.
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

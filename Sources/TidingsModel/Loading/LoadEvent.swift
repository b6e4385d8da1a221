import Foundation

/// What the loader reports as it goes: stories and problems (skipped files among them) in file order.
public enum LoadEvent: Sendable {
    case stories([Story])
    case problem(LoadProblem)
}

/// What running a command came to: the status line says so when it matters.
public enum CommandOutcome: Equatable, Sendable {
    case done
    /// The command had nothing to act on here; the reason is shown.
    case nothingToDo(String)
    /// The command tried and could not.
    case failed(String)
}

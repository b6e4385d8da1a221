/// What a command needs before it can act.
public enum CommandNeed: Sendable {
    case selectedStory
    case selectedComment
}

/// A thread as a flat pre-order list: the root first, each node before its replies.
public struct MessageThread: Sendable, Equatable {
    /// One message of the thread, or the placeholder for a missing root.
    public struct Node: Sendable, Equatable {
        /// Index of the message in the input, or nil for a placeholder (a message referenced but not present).
        public var message: Int?
        /// For a placeholder: the id of the missing message.
        public var placeholderID: String?
        /// 0 for the root.
        public var depth: Int
        /// Index into `nodes` of the parent; nil for the root.
        public var parent: Int?
    }

    public var nodes: [Node]
}

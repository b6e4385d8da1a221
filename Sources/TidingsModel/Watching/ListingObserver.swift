/// What a listing of the collection tells whoever watches it: each folder as it is entered, before it is
/// read (a watch set up then misses nothing added to the folder after its listing), the files listed, the
/// stamp of each file as it was opened to be read (the version read, which later changes are measured
/// against), and the files that were read together with others (`HeldFile`) once every file is read, with
/// their keys.
public struct ListingObserver: Sendable {
    public var entering: @Sendable (String) -> Void
    public var listed: @Sendable ([ListedFile]) -> Void
    /// Stamps by the file's place in the listing (a path for each of 400,000 files would cost tens of MB).
    public var stamped: @Sendable ([(index: Int, stamp: FileStamp)]) -> Void
    /// The held files' paths, and the keys of every listed file by its place in the listing (none for those
    /// read on their own).
    public var held: @Sendable (_ paths: [String], _ keysByPlace: [JoinKeys]) -> Void

    public init(entering: @escaping @Sendable (String) -> Void, listed: @escaping @Sendable ([ListedFile]) -> Void,
                stamped: @escaping @Sendable ([(index: Int, stamp: FileStamp)]) -> Void = { _ in },
                held: @escaping @Sendable (_ paths: [String], _ keysByPlace: [JoinKeys]) -> Void) {
        self.entering = entering
        self.listed = listed
        self.stamped = stamped
        self.held = held
    }
}

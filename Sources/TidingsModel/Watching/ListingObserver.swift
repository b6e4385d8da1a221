/// What a listing of the collection tells whoever watches it: each folder as it is entered, before it is
/// read (a watch set up then misses nothing added to the folder after its listing), the files listed, and
/// the files that were read together with others (`HeldFile`) once every file is read.
public struct ListingObserver: Sendable {
    public var entering: @Sendable (String) -> Void
    public var listed: @Sendable ([ListedFile]) -> Void
    public var held: @Sendable ([String]) -> Void

    public init(entering: @escaping @Sendable (String) -> Void, listed: @escaping @Sendable ([ListedFile]) -> Void,
                held: @escaping @Sendable ([String]) -> Void) {
        self.entering = entering
        self.listed = listed
        self.held = held
    }
}

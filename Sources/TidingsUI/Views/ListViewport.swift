/// A window of some rows onto a longer list, starting at `top`: the one place that keeps a selected row
/// on screen and a scroll position inside its list (the story list, the story text, the pages).
public struct ListViewport: Equatable, Sendable {
    public var top = 0

    public init(top: Int = 0) { self.top = top }

    /// Scrolls as little as needed for `row` to be visible, then keeps the window within the list.
    public mutating func show(_ row: Int, height: Int, count: Int) {
        guard height > 0 else { return }
        if row < top { top = row }
        if row >= top + height { top = row - height + 1 }
        clamp(height: height, count: count)
    }

    /// Keeps the window within the list: no rows past its end while there are rows above.
    public mutating func clamp(height: Int, count: Int) {
        top = max(0, min(top, count - height))
    }

    /// Whether rows below the window are not shown.
    public func hasMore(height: Int, count: Int) -> Bool { top + height < count }
}

/// The order of names in a folder's listing: byte order (the same on every machine, whatever the locale),
/// except that names of digits alone (MH messages, news articles: `1`, `2`, `10`) come in numeric order, as
/// nmh, slrn and tin list them. Paths compare by folder first, then by name in that order.
public enum NameOrder {
    /// Whether `first` comes before `second` in a listing.
    public static func less<Name: StringProtocol>(_ first: Name, _ second: Name) -> Bool {
        if let firstDigits = digitsAlone(first), let secondDigits = digitsAlone(second), !firstDigits.elementsEqual(secondDigits) {
            return lessNumber(firstDigits, secondDigits)
        }
        return first < second
    }

    /// Whether file `first` comes before file `second` in a folder's walk (`DocumentFiles`): a folder's own
    /// files by name, then its subfolders by name, each walked whole before the next.
    public static func listedBefore(_ first: String, _ second: String) -> Bool {
        // Byte by byte, nothing allocated: a placing may compare a path with 100,000 others.
        var first = first, second = second
        return first.withUTF8 { one in second.withUTF8 { two in listedBefore(one, two) } }
    }

    private static func listedBefore(_ one: UnsafeBufferPointer<UInt8>, _ two: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = 0
        var component = 0
        let common = min(one.count, two.count)
        while at < common, one[at] == two[at] {
            if one[at] == slash { component = at + 1 }
            at += 1
        }
        if at == one.count || at == two.count { return at == one.count && at != two.count }
        let endA = one[component...].firstIndex(of: slash), endB = two[component...].firstIndex(of: slash)
        // A folder's own files come before its subfolders.
        if (endA == nil) != (endB == nil) { return endA == nil }
        let nameA = String(decoding: UnsafeBufferPointer(rebasing: one[component..<(endA ?? one.count)]), as: UTF8.self)
        let nameB = String(decoding: UnsafeBufferPointer(rebasing: two[component..<(endB ?? two.count)]), as: UTF8.self)
        return less(nameA, nameB)
    }

    private static let slash = UInt8(ascii: "/")

    /// Whether path `first` comes before path `second`: the same folder, by `less` of the names; else by
    /// bytes.
    public static func lessPath(_ first: String, _ second: String) -> Bool {
        let firstSlash = first.utf8.lastIndex(of: UInt8(ascii: "/"))
        let secondSlash = second.utf8.lastIndex(of: UInt8(ascii: "/"))
        if let firstSlash, let secondSlash, first.utf8[..<firstSlash].elementsEqual(second.utf8[..<secondSlash]) {
            return less(first[first.index(after: firstSlash)...], second[second.index(after: secondSlash)...])
        }
        return first < second
    }

    /// Whether a path's name is digits alone: only between two such paths does `lessPath` differ from the
    /// paths' own order.
    public static func isNumberedPath(_ path: String) -> Bool {
        let utf8 = path.utf8
        let name = utf8[(utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex)...]
        return !name.isEmpty && name.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The digits of a name of ASCII digits alone, leading zeros left out; nil for any other name. A view
    /// into the name: listings sort 100,000 names, and nothing is allocated per comparison.
    private static func digitsAlone<Name: StringProtocol>(_ name: Name) -> Name.UTF8View.SubSequence? {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return utf8.drop { $0 == 0x30 }
    }

    /// Numbers written in digits compared as numbers, however long: the shorter is less, then digit by digit.
    private static func lessNumber<Digits: Collection<UInt8>>(_ first: Digits, _ second: Digits) -> Bool {
        first.count != second.count ? first.count < second.count : first.lexicographicallyPrecedes(second)
    }
}

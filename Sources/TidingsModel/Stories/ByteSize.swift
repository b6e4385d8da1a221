/// A size in bytes as the reader writes it everywhere (a mail attachment, a feed's enclosure): `512 B`,
/// `1.5 KB`, `120 KB`, `3.2 MB`, `1.0 GB`, kilobytes of 1,024 bytes, one decimal below 10.
public enum ByteSize {
    public static func text(_ bytes: Int) -> String {
        let bytes = max(0, bytes)
        if bytes < 1024 { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KB", "MB", "GB", "TB"] {
            if value.rounded() < 1024 || unit == "TB" { return number(value) + " " + unit }
            value /= 1024
        }
        return number(value) + " TB"
    }

    /// One decimal below 10 (as it rounds: 9.96 is `10`), whole numbers above.
    private static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths < 100 { return "\(Int(tenths) / 10).\(Int(tenths) % 10)" }
        // Sizes are at most Int.max bytes: in kilobytes or more they convert back to Int without a trap.
        return "\(Int(value.rounded()))"
    }
}

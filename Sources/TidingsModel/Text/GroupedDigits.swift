extension Int {
    /// Thousands separated by commas, independent of locale: 41,200 (counts on screen and in messages).
    public var groupedDigits: String {
        let digits = String(self.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return self < 0 ? "-" + out : out
    }
}

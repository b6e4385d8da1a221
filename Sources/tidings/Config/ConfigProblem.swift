import TidingsModel

/// Something in the config file that was not applied, and the line it is on (none for the whole file).
struct ConfigProblem: Equatable {
    var line: Int?
    var text: String

    /// `PATH line 3: …`, or `PATH: …` for the whole file; sanitised, since the path and the names quoted in
    /// the text come from the user's file and environment.
    func message(path: String) -> String {
        let place = line.map { "\(path) line \($0)" } ?? path
        return UntrustedText.sanitize("\(place): \(text)")
    }

    /// A name from the file as a message quotes it: cut short, so a huge key cannot fill the problem list.
    static func quoted(_ name: String) -> String {
        "'" + (name.count > 40 ? name.prefix(39) + "…" : name) + "'"
    }
}

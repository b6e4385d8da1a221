/// A part's Content-Transfer-Encoding. Unknown ones (and 7bit, 8bit, binary) leave the bytes as they are.
enum TransferEncoding: Equatable {
    case identity, quotedPrintable, base64

    init(_ raw: [UInt8]?) {
        guard let raw else {
            self = .identity
            return
        }
        switch MIMEHeaderValue(raw).token {
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        default: self = .identity
        }
    }

    /// The decoded bytes and, when the encoding was broken, a note for the reader.
    func decode(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], note: String?) {
        switch self {
        case .identity:
            return (Array(bytes), nil)
        case .quotedPrintable:
            let (decoded, valid) = QuotedPrintable.decode(bytes)
            return (decoded, valid ? nil : "invalid quoted-printable")
        case .base64:
            // Text labelled base64 by mistake (`hello world`) would decode to noise: it is shown as written.
            if MIMEBase64.isText(bytes) { return (Array(bytes), "not base64: shown as written") }
            let (decoded, valid) = MIMEBase64.decode(bytes)
            return (decoded, valid ? nil : "invalid base64")
        }
    }
}

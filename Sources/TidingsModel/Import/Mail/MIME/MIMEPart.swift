/// One entity of a message's MIME tree: its headers as far as selection needs them, where its body lies,
/// and its children when it is a multipart that was split.
struct MIMEPart {
    /// `type/subtype`, lowercased; `text/plain` when missing or malformed.
    var type: String
    var contentType: MIMEHeaderValue
    var encoding: TransferEncoding
    /// `inline`, `attachment`, or empty when there is no Content-Disposition.
    var disposition: String
    var dispositionValue: MIMEHeaderValue?
    var parent: Int?
    /// The body's bytes in the message buffer (for a leaf).
    var body: Range<Int> = 0..<0
    var children: [Int] = []
    /// A multipart whose parts are walked (it has a boundary, and was not too deep).
    var isSplit = false
    /// A multipart left whole because it was nested too deep.
    var isTooDeep = false

    init(_ headers: MIMEHeaderValues, parent: Int?, defaultType: String) {
        self.parent = parent
        contentType = MIMEHeaderValue(headers.contentType ?? [])
        let token = contentType.token
        if let slash = token.firstIndex(of: "/"), slash != token.startIndex, token.index(after: slash) != token.endIndex {
            type = token
        } else {
            type = headers.contentType == nil ? defaultType : "text/plain"
        }
        encoding = TransferEncoding(headers.transferEncoding)
        dispositionValue = headers.disposition.map(MIMEHeaderValue.init)
        disposition = dispositionValue?.token ?? ""
    }

    var isMultipart: Bool { type.hasPrefix("multipart/") }

    /// The multipart's boundary, when it has a usable one.
    var boundary: [UInt8]? {
        guard isMultipart, let boundary = contentType.raw("boundary"), !boundary.isEmpty else { return nil }
        return boundary
    }

    var isAttachment: Bool { disposition == "attachment" }

    /// The file name: Content-Disposition `filename`, else Content-Type `name` (RFC 2231 and 2047 decoded).
    var fileName: String? {
        let name = dispositionValue?.text("filename") ?? contentType.text("name")
        guard let name else { return nil }
        let trimmed = HeaderSyntax.collapsingWhitespace(name)
        return trimmed.isEmpty ? nil : trimmed
    }
}

import Foundation
import TidingsModel

/// Any bytes through each MIME decoder: quoted-printable and base64 never grow past their bounds, encoded
/// words without `=?` read as plain header text, flowed text never gains lines, single-byte charsets give
/// one character per byte, plain text blocks are never empty, and the bytes as the body of a multipart
/// (and of a nested one) walk within the part limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = bytes.first ?? 0
    let rest = bytes.dropFirst()
    let text = String(decoding: rest, as: UTF8.self)

    let qp = QuotedPrintable.decode(rest)
    precondition(qp.bytes.count <= rest.count, "quoted-printable grew")
    let base64 = MIMEBase64.decode(rest)
    precondition(base64.bytes.count <= rest.count / 4 * 3 + 2, "base64 grew")

    let words = EncodedWords.decode(rest)
    let hasWordStart = zip(rest, rest.dropFirst()).contains { $0 == UInt8(ascii: "=") && $1 == UInt8(ascii: "?") }
    if !hasWordStart { precondition(words == MailCharsets.decode(rest, charset: "us-ascii").text, "plain header text changed") }

    let flowed = FlowedText.unflow(text, delSp: selector & 1 == 1)
    precondition(flowed.utf8.filter { $0 == 0x0A }.count <= text.utf8.filter { $0 == 0x0A }.count, "flowed text gained lines")

    for charset in ["latin1", "iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251", "windows-1252", "koi8-r", "koi8-u"] {
        let decoded = MailCharsets.decode(rest, charset: charset)
        precondition(decoded.text.unicodeScalars.count == rest.count && decoded.note == nil, "\(charset) lost bytes")
    }
    for charset in ["utf-8", "us-ascii", "shift_jis", "euc-jp", "iso-2022-jp", "x-unknown", nil] {
        _ = MailCharsets.decode(rest, charset: charset)
    }

    for block in MailText.body(text).blocks {
        precondition(!block.plainText.isEmpty && block.level >= 0 && block.level <= 32, "bad plain text block")
    }

    let encoding = ["7bit", "quoted-printable", "base64"][Int(selector % 3)]
    let headers = [
        "Subject: fuzz\nContent-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: \(encoding)\n\n",
        "Subject: fuzz\nContent-Type: multipart/alternative; boundary=\"a\"\n\n--a\nContent-Type: multipart/mixed; boundary=b\n\n",
    ]
    for header in headers {
        let message = MailMessage.parse((Array(header.utf8) + rest)[...])
        guard let message else { preconditionFailure("a message with headers did not parse") }
        precondition(message.attachments.count <= 1_001, "more attachments than the part limit")
        for block in message.body.blocks where block.kind != .table { precondition(!block.plainText.isEmpty, "empty block kept") }
    }
    return 0
}

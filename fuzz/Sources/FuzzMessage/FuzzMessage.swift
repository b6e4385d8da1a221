import Foundation
import TidingsModel

/// Any bytes as one mail message or news article: the envelope and the full parse never crash and agree,
/// offsets stay inside the slice (also one not starting at 0), ids are normalised and unique, subjects are
/// collapsed, every block has text and a sane level, every link number points into the links.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = MailSniffer.looksLikeMessage(bytes.prefix(4096))
    _ = MailSniffer.looksLikeMbox(bytes.prefix(4096))
    _ = MailDates.parse(Substring(String(decoding: bytes, as: UTF8.self)))
    for slice in [bytes[...], bytes.dropFirst()] {
        let envelope = MailEnvelope.parse(slice)
        let message = MailMessage.parse(slice)
        precondition((envelope == nil) == (message == nil), "envelope and message disagree on being a message")
        guard let envelope, let message else { continue }
        precondition(message.envelope == envelope, "full parse read another envelope")
        precondition(envelope.bodyOffset >= 0 && envelope.bodyOffset <= slice.count, "body offset outside the slice")
        precondition(envelope.messageID != "", "empty id kept")
        precondition(!envelope.parents.contains(""), "empty parent kept")
        precondition(Set(envelope.parents).count == envelope.parents.count, "duplicate parent")
        for id in [envelope.messageID].compactMap({ $0 }) + envelope.parents {
            precondition(!id.contains(" ") && !id.contains("\n") && !id.contains("\r") && !id.contains("\t"), "whitespace in an id")
        }
        if let subject = envelope.subject {
            precondition(!subject.hasPrefix(" ") && !subject.hasSuffix(" ") && !subject.contains("  "), "subject not collapsed")
            precondition(!subject.contains("\n") && !subject.contains("\r") && !subject.contains("\t"), "line break in a subject")
        }
        if envelope.fromName != nil || envelope.fromAddress != nil { precondition(envelope.sender != nil) }
        for block in message.body.blocks {
            precondition(block.level >= 0 && block.level <= 64, "level out of range")
            if block.kind != .table { precondition(!block.plainText.isEmpty, "empty block kept") }
            for run in block.runs {
                if let link = run.link { precondition(message.body.links.indices.contains(link), "link number out of range") }
            }
        }
        precondition(message.attachments.count <= 1_001, "more attachments than the part limit")
        for attachment in message.attachments { precondition(attachment.size >= 0 && attachment.type == attachment.type.lowercased()) }
    }
    return 0
}

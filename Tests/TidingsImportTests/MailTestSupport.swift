import Foundation
import XCTest
import TidingsModel

/// Mail fixtures: literals written with LF (optionally sent as CRLF), and dates.
enum MailFixture {
    static func bytes(_ text: String, crlf: Bool = false) -> ArraySlice<UInt8> {
        let written = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        return Array(written.utf8)[...]
    }

    static func message(_ text: String, crlf: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> MailMessage {
        try XCTUnwrap(MailMessage.parse(bytes(text, crlf: crlf)), file: file, line: line)
    }

    static func envelope(_ text: String, crlf: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> MailEnvelope {
        try XCTUnwrap(MailEnvelope.parse(bytes(text, crlf: crlf)), file: file, line: line)
    }

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }
}

extension StoryBody {
    /// Each block as `kind level: text` (the text's line breaks as `⏎`): the shape in one comparable list.
    var mailOutline: [String] {
        blocks.map { block in
            let text = block.plainText.replacingOccurrences(of: "\n", with: "⏎")
            switch block.kind {
            case .quote: return "quote \(block.level): \(text)"
            case .preserved: return "text: \(text)"
            case .signature: return "signature: \(text)"
            case .paragraph: return "paragraph: \(text)"
            case .listItem: return "item \(block.level): \(text)"
            case .code: return "code: \(text)"
            case .table: return "table: \(text)"
            }
        }
    }
}

import XCTest
@testable import TidingsModel

/// An id already in normal form is hashed where it lies (`MessageIDs.withNormalised`); every other is copied
/// and made normal. Both ways must give what `normalise` gives.
final class MessageIDsInPlaceTests: XCTestCase {
    func testInPlaceAndCopiedIdsAreTheNormalisedOnes() {
        let tokens = ["<abc@host>", "<Abc.Def@Example.COM>", "<abc\r\n def@host>", "bare@HOST", "bare@host", "<a@b@C>", "<a@B@c>",
                      "<A@b>", "<NOAT>", "<noat>", "<>", "   ", "< >", "<\t>", "<a@b", "x<a@b>y", "<CAHk-=wj+x@mail.gmail.com>",
                      "<a b@c>", "<ä@ö>", "<a@b>>", "<<a@b>"]
        for token in tokens {
            let bytes = Array(token.utf8)
            var made: [UInt8]?
            bytes.withUnsafeBufferPointer { buffer in
                MessageIDs.withNormalised(bytes: buffer[...]) { made = Array($0) }
            }
            XCTAssertEqual(made.map { String(decoding: $0, as: UTF8.self) }, MessageIDs.normalise(bytes: bytes), token)
        }
    }
}

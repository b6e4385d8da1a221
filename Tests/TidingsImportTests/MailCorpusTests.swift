import Foundation
import XCTest
import TidingsModel

/// The real mailboxes and news articles in `../shared/corpus/real` (when this checkout has them beside it):
/// every message reads with an id and a date, and the threads' stated shapes show in the parents.
final class MailCorpusTests: XCTestCase {
    static func corpusBytes(_ relative: String) throws -> [UInt8] {
        let path = RealCorpusTests.corpus.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("skipped: \(RealCorpusTests.corpus.path) is not beside this checkout")
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// An mbox cut before each `\nFrom ` (each piece keeps its own `From ` line).
    static func messages(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        let from = Array("\nFrom ".utf8)
        while index + from.count <= bytes.count {
            if bytes[index] == 0x0A, bytes[index..<(index + from.count)].elementsEqual(from) {
                pieces.append(bytes[start...index])
                start = index + 1
            }
            index += 1
        }
        pieces.append(bytes[start...])
        return pieces
    }

    static let mailboxes: [(file: String, count: Int)] = [
        ("mbox/notmuch_list_2009-11_53msgs.mbox", 53),
        ("mbox/lkml_powerpc_85xx_srio_thread.mbox", 10),
        ("mbox/linux-pm_opp_series_folded_headers.mbox", 5),
    ]

    func testEveryMessageHasAnIDAndADate() throws {
        for (file, count) in Self.mailboxes {
            let pieces = Self.messages(try Self.corpusBytes(file))
            XCTAssertEqual(pieces.count, count, file)
            for (index, piece) in pieces.enumerated() {
                XCTAssertTrue(MailSniffer.looksLikeMbox(piece.prefix(4096)), "\(file) #\(index)")
                let envelope = try XCTUnwrap(MailEnvelope.parse(piece), "\(file) #\(index)")
                XCTAssertNotNil(envelope.messageID, "\(file) #\(index)")
                XCTAssertNotNil(envelope.date, "\(file) #\(index)")
                XCTAssertNotNil(envelope.subject, "\(file) #\(index)")
                XCTAssertNotNil(envelope.sender, "\(file) #\(index)")
                let message = try XCTUnwrap(MailMessage.parse(piece), "\(file) #\(index)")
                XCTAssertEqual(message.envelope, envelope)
                XCTAssertFalse(message.body.isEmpty, "\(file) #\(index)")
                XCTAssertEqual(message.notes, [], "\(file) #\(index)")
            }
        }
    }

    func testThreadShapesShowInTheParents() throws {
        // The LKML thread is one reply chain whose root is missing: every message has parents, each message's
        // direct parent is the message before it (sorted by date), from the second on.
        let lkml = try Self.messages(Self.corpusBytes("mbox/lkml_powerpc_85xx_srio_thread.mbox")).compactMap { MailEnvelope.parse($0) }
        XCTAssertTrue(lkml.allSatisfy { !$0.parents.isEmpty })
        let ids = Set(lkml.compactMap(\.messageID))
        XCTAssertEqual(ids.count, 10)
        XCTAssertEqual(lkml.filter { ids.contains($0.parents.last ?? "") }.count, 9)
        // The patch series: patches 2–4 carry two In-Reply-To and two References, to patch 1 and then to the
        // cover, read in that order.
        let series = try Self.messages(Self.corpusBytes("mbox/linux-pm_opp_series_folded_headers.mbox")).compactMap { MailEnvelope.parse($0) }
        let cover = try XCTUnwrap(series.first?.messageID)
        XCTAssertEqual(series.map(\.parents.count), [0, 1, 2, 2, 2])
        for patch in series[2...] { XCTAssertEqual(patch.parents, [try XCTUnwrap(series[1].messageID), cover]) }
        // The notmuch list: 53 messages, 24 threads plus one orphan reply, so 25 without a present parent.
        let notmuch = try Self.messages(Self.corpusBytes("mbox/notmuch_list_2009-11_53msgs.mbox")).compactMap { MailEnvelope.parse($0) }
        let present = Set(notmuch.compactMap(\.messageID))
        XCTAssertEqual(notmuch.filter { !$0.parents.contains(where: present.contains) }.count, 25)
        XCTAssertTrue(notmuch.contains { $0.subject?.contains("é") == true || $0.fromName?.contains("é") == true })
    }

    func testUsenetArticles() throws {
        let bnews = try Self.corpusBytes("usenet/utzoo_sci.virtual-worlds_1991_bnews.txt")
        XCTAssertTrue(MailSniffer.looksLikeMessage(bnews.prefix(4096)))
        let article = try XCTUnwrap(MailMessage.parse(bnews[...]))
        XCTAssertEqual(article.envelope.messageID, "1991Jun21.055051.28165@milton.u.washington.edu")
        XCTAssertEqual(article.envelope.fromName, "Dean Johnson")
        XCTAssertEqual(article.envelope.fromAddress, "dtj@sumac.cray.com")
        XCTAssertEqual(article.envelope.newsgroups, ["sci.virtual-worlds"])
        XCTAssertEqual(article.envelope.date, MailFixture.utc(1991, 6, 21, 2, 56, 59))
        XCTAssertEqual(article.body.blocks.first?.kind, .quote)
        XCTAssertEqual(article.body.blocks.first?.level, 0)
        XCTAssertEqual(article.body.blocks.first?.plainText.hasPrefix("        I am sure the domestic VR community"), true)

        let anews = try Self.corpusBytes("usenet/utzoo_net.games_1982_anews.txt")
        XCTAssertTrue(MailSniffer.looksLikeMessage(anews.prefix(4096)))
        XCTAssertFalse(MailSniffer.looksLikeMbox(anews.prefix(4096)))
        let old = try XCTUnwrap(MailMessage.parse(anews[...]))
        XCTAssertEqual(old.envelope.messageID, "mhtsa.157")
        XCTAssertEqual(old.envelope.fromName, "rick")
        XCTAssertEqual(old.envelope.subject, "Re: Raster vs. Vector")
        XCTAssertEqual(old.envelope.newsgroups, ["net.games"])
        XCTAssertEqual(old.envelope.date, MailFixture.utc(1982, 5, 5, 22, 33, 48))
        XCTAssertEqual(old.body.blocks.map(\.kind), [.preserved, .preserved, .preserved, .preserved])
        XCTAssertEqual(old.body.blocks[2].plainText, """
        3) A good raster tube, at a resolution of 1Kx1K, can display lines that
           are indistinguishable from a true vector for all intents and purposes.
        """)
    }
}

/// The one gate between text from files and anything shown: controls, escape sequences and invisible
/// characters are made visible or removed, so document text can never drive the terminal.
public enum UntrustedText {
    /// The visible marker that replaces a whole escape sequence (CSI, OSC, DCS, ...) or a lone ESC.
    public static let escapeMarker: Unicode.Scalar = "\u{241B}"  // ␛
    /// At most this many combining marks stay on one base character.
    public static let maximumCombiningMarks = 4
    /// Tab stops every eight columns, as terminals, mutt, less and git set them: a patch or a log indented
    /// with tabs lines up as its writer saw it.
    public static let tabWidth = 8

    /// Sanitizes text for display. With `multiline`, line breaks (LF, CR, CRLF, NEL, U+2028/9) become "\n";
    /// without it they become spaces, for titles and names.
    public static func sanitize(_ text: String, multiline: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var column = 0
        var marks = 0
        var previous: Unicode.Scalar? = nil
        func emit(_ scalar: Unicode.Scalar) {
            out.append(scalar)
            column += 1
            previous = scalar
        }
        func lineBreak() {
            if multiline {
                out.append("\n")
                column = 0
            } else {
                out.append(" ")
                column += 1
            }
            previous = nil
            marks = 0
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            switch value {
            case 0x0A, 0x85, 0x2028, 0x2029:
                lineBreak()
            case 0x0D:
                if index < scalars.count, scalars[index].value == 0x0A { index += 1 }
                lineBreak()
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                for _ in 0..<spaces { emit(" ") }
                marks = 0
            case 0x1B, 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                index = endOfEscapeSequence(scalars, introducer: scalar, after: index)
                emit(escapeMarker)
                marks = 0
            case 0x00..<0x20:
                emit(Unicode.Scalar(0x2400 + value)!)  // control pictures: ␀ … ␟
                marks = 0
            case 0x7F:
                emit("\u{2421}")  // ␡
                marks = 0
            case 0x80...0x9F:
                emit("\u{FFFD}")
                marks = 0
            default:
                if isInvisibleOrDirectional(scalar) && !isPartOfEmojiTag(scalar, after: previous) { continue }
                if isCombiningMark(scalar) {
                    marks += 1
                    if marks > maximumCombiningMarks { continue }
                    out.append(scalar)
                    continue
                }
                marks = 0
                emit(scalar)
            }
        }
        return String(out)
    }

    /// Bidi controls and default-ignorable characters that Tidings removes (ZWJ and variation selectors stay:
    /// emoji sequences need them).
    public static func isInvisibleOrDirectional(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true  // bidi controls
        case 0x200B, 0x2060...0x2064, 0x00AD, 0xFEFF, 0x180E, 0x034F: return true  // zero width, soft hyphen
        case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x17B4, 0x17B5: return true  // fillers
        case 0x206A...0x206F, 0xFFF0...0xFFF8: return true
        case 0xE0000...0xE0FFF: return true  // tags and reserved ignorables (kept after a flag, see below)
        default: return false
        }
    }

    public static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Tag characters spell subdivision flags (🏴 + tags + cancel tag); only there are they kept.
    static func isPartOfEmojiTag(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        guard (0xE0020...0xE007F).contains(scalar.value), let previous else { return false }
        return previous.value == 0x1F3F4 || (0xE0020...0xE007E).contains(previous.value)
    }

    /// Index just past an escape sequence that starts with `introducer` (already consumed).
    static func endOfEscapeSequence(_ scalars: [Unicode.Scalar], introducer: Unicode.Scalar, after start: Int) -> Int {
        var index = start
        var kind = introducer.value
        if kind == 0x1B {
            guard index < scalars.count else { return index }
            let next = scalars[index].value
            // Only a visible ASCII character continues an escape (ECMA-48): before another ESC, a control, a
            // space (a line break or tab made one by unfolding) or a letter of another script (`ESC 日`), the
            // ESC is alone and what follows is shown. The gate hides as little as it can: it never sends an
            // ESC on, so a sequence it leaves apart does nothing.
            guard (0x21...0x7E).contains(next) else { return index }
            index += 1
            switch next {
            case 0x5B: kind = 0x9B  // ESC [ : CSI
            case 0x5D: kind = 0x9D  // ESC ] : OSC
            case 0x50, 0x58, 0x5E, 0x5F: kind = 0x90  // ESC P / X / ^ / _ : DCS, SOS, PM, APC
            case 0x21...0x2F:  // ESC with intermediates, ended by a final byte; without one, it ends there
                while index < scalars.count, (0x21...0x2F).contains(scalars[index].value) { index += 1 }
                return index < scalars.count && (0x30...0x7E).contains(scalars[index].value) ? index + 1 : index
            default: return index  // two-character escape such as ESC c
            }
        }
        if kind == 0x9B {
            // Parameters and intermediates, then one final byte in 0x40–0x7E; anything else (a control, an
            // ESC, a letter of another script) ends it unread, and is shown.
            var intermediates = false
            while index < scalars.count {
                let value = scalars[index].value
                if (0x40...0x7E).contains(value) { return index + 1 }
                // A parameter after an intermediate is no CSI any more (`ESC [1 000`): it ends before it.
                guard (0x20...0x2F).contains(value) || ((0x30...0x3F).contains(value) && !intermediates) else { return index }
                intermediates = intermediates || value <= 0x2F
                index += 1
            }
            return index
        }
        // String sequences (OSC, DCS, SOS, PM, APC) run to ST (ESC \ or 0x9C), an OSC also to BEL. One never
        // ended is only its introducer: what follows is shown, not taken for its string (an `ESC]8;;` left
        // open would hide the rest of the text). So is one cut short: by a line break (a title is one
        // line), by CAN or SUB (which cancel it), or by another ESC (which starts a sequence of its own).
        let afterIntroducer = index
        while index < scalars.count {
            let value = scalars[index].value
            index += 1
            if value == 0x9C || (value == 0x07 && kind == 0x9D) { return index }
            if value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029 || value == 0x18 || value == 0x1A {
                return afterIntroducer
            }
            if value == 0x1B {
                return index < scalars.count && scalars[index].value == 0x5C ? index + 1 : afterIntroducer
            }
        }
        return afterIntroducer
    }
}

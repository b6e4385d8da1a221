import TidingsModel
import TidingsUI

/// Any text through the sanitizer, wrapping and the screen buffer: no control character survives and every
/// row stays exactly its width.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScreenText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let width = Int(data[0]) + 1
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    for scalar in UntrustedText.sanitize(text, multiline: true).unicodeScalars {
        precondition(scalar.value == 0x0A || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "control kept")
    }
    for line in TextWrap.wrap(text, width: width) { precondition(DisplayWidth.of(line) <= width, "wrapped line too wide") }
    var screen = ScreenBuffer(width: width, height: 1)
    screen.write(text, x: 0, y: 0, style: .plain)
    var cells = 0
    for x in 0..<width {
        let cell = screen[x, 0]
        precondition(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "control drawn")
        if !cell.isContinuation { cells += 1 }
    }
    precondition(cells >= 1 && cells <= width)
    return 0
}

import Foundation

/// The terminal sequence that puts text on the system clipboard (OSC 52), for terminals that allow it.
public enum ClipboardSequence {
    /// `ESC ] 52 ; c ; <base64> BEL`: the text is base64, so nothing in it can end the sequence early.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}

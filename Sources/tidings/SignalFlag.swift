import Foundation

/// Termination signals become a flag the loop checks, so the terminal is restored and state saved first.
enum SignalFlag {
    nonisolated(unsafe) static var received: sig_atomic_t = 0

    static func install() {
        for number in [SIGTERM, SIGHUP, SIGINT] {
            signal(number) { received in SignalFlag.received = received }
        }
    }
}

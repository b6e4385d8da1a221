import Foundation

/// Finds the sample stories that ship next to the binary, without the trap of `Bundle.module`.
enum SampleCollection {
    static let bundleName = "Tidings_tidings.resources"

    static func location() -> String? {
        var candidates: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        for folder in candidates {
            let samples = folder.appendingPathComponent(bundleName).appendingPathComponent("Samples").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: samples, isDirectory: &isDirectory), isDirectory.boolValue {
                return samples
            }
        }
        return nil
    }
}

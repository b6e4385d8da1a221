import Foundation
import TidingsModel

/// Any bytes as a state file: decoding throws or gives a state that encodes and decodes to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStateFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let state = try? ReadStateCoding.decode(bytes) else { return 0 }
    let again = try? ReadStateCoding.decode(ReadStateCoding.encode(state))
    precondition(again == state, "state does not survive a round trip")
    return 0
}

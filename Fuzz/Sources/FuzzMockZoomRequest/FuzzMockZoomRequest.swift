import FuzzTargets
import FuzzerDriver

/// libFuzzer's callback: Mock Zoom's request handling.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.mockZoomRequest(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The entry point: SwiftPM links `main` to `<module>_main`, which hands over to libFuzzer.
@_cdecl("FuzzMockZoomRequest_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput)
}

import Foundation

extension POSIXError {
    /// The error for `errno`, with the system's message in `localizedDescription`.
    init(errno code: Int32) {
        self.init(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}

/// cmark's safe-mode URL filter: script and file schemes are dropped from `href`/`src`,
/// and `data:` only passes for the raster image types browsers render inertly.
enum DangerousURL {
    static func matches(_ url: UnsafeRawBufferPointer) -> Bool {
        let lowered = url.prefix(16).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        func hasPrefix(_ prefix: String) -> Bool { lowered.starts(with: prefix.utf8) }
        if hasPrefix("data:image/png") || hasPrefix("data:image/gif") || hasPrefix("data:image/jpeg")
            || hasPrefix("data:image/webp")
        {
            return false
        }
        return hasPrefix("javascript:") || hasPrefix("vbscript:") || hasPrefix("file:") || hasPrefix("data:")
    }
}

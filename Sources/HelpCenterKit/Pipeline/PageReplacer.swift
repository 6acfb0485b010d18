import Foundation

/// Replaces single files of an existing site: each is written beside its old version and
/// renamed over it, so a reader (or `serve`) sees the old page or the new one, never half.
struct PageReplacer {
    let outputPath: String

    func replace(_ relativePath: String, with bytes: [UInt8]) throws(HelpCenterError) {
        let path = outputPath + "/" + relativePath
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        do throws(any Error) {
            try OutputWriter.makeFolder(folder)
            try OutputWriter.writeFile(temporary, bytes)
            guard rename(temporary, path) == 0 else { throw POSIXError(errno: errno) }
        } catch {
            unlink(temporary)
            throw HelpCenterError(
                .error(
                    "cannot write the site (writing \(relativePath)): \(error.localizedDescription)",
                    at: SourceLocation(path: outputPath)))
        }
    }
}

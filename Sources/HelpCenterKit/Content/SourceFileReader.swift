import Foundation

/// Reads a writer's file as UTF-8 text, turning every failure into a diagnostic that names
/// the file and the operating system's reason.
enum SourceFileReader {
    static func read(_ path: String) throws(HelpCenterError) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw HelpCenterError(
                .error("cannot read file: it is a folder, not a Markdown file", at: .init(path: path)))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw HelpCenterError(.error("cannot read file: \(reason)", at: SourceLocation(path: path)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw HelpCenterError(.error("cannot read file: \(error.localizedDescription)", at: .init(path: path)))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw HelpCenterError(
                .error("file is not UTF-8 text: save it with UTF-8 encoding", at: SourceLocation(path: path, line: 1)))
        }
        return text
    }
}

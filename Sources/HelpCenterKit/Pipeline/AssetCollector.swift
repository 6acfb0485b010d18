import Foundation

/// Reads `Templates/assets/` (CSS, scripts, icons) to be copied into the site's `assets/`.
enum AssetCollector {
    static func collect(from folder: String) throws(HelpCenterError) -> [String: Data] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [:]
        }
        var assets: [String: Data] = [:]
        let links = SymlinkGuard(root: (folder as NSString).deletingLastPathComponent, folderName: "templates")
        for relative in (FileManager.default.subpaths(atPath: folder) ?? []).sorted() {
            let path = folder + "/" + relative
            if let problem = links.problem(at: path) { throw HelpCenterError(problem) }
            var isFolder: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw HelpCenterError(.error("cannot read asset", at: SourceLocation(path: path)))
            }
            assets[relative] = data
        }
        return assets
    }
}

import Foundation

extension ContentLoader {
    /// The `.md` link for Hugo's `{{< ref "target" >}}` in the file at `sourcePath`: as Hugo
    /// looks, beside the page first, then from the content root (`/…` only from the root); the
    /// target may leave out `.md` or name a page bundle's folder. A target that is nowhere stays
    /// a `.md` link, which `check` reports where it is written.
    func referenceLink(_ target: String, from sourcePath: String) -> String {
        let hash = target.firstIndex(of: "#")
        let file = hash.map { String(target[..<$0]) } ?? target
        let anchor = hash.map { String(target[$0...]) } ?? ""
        guard !file.isEmpty else { return anchor }
        let stem = file.hasSuffix("/") ? String(file.dropLast()) : file
        let candidates = file.hasSuffix(".md") ? [file] : [stem + ".md", stem + "/index.md", stem + "/_index.md"]
        let places: [(prefix: String, folder: String)] =
            file.hasPrefix("/")
            ? [("", contentPath)] : [("", LexicalPath.folder(of: sourcePath)), ("/", contentPath)]
        for place in places {
            for candidate in candidates
            where FileManager.default.fileExists(atPath: place.folder + "/" + candidate.drop { $0 == "/" }) {
                return place.prefix + candidate + anchor
            }
        }
        return candidates[0] + anchor
    }
}

import Crypto
import Foundation

/// One digest of everything besides the articles that shapes the pages: when it differs from
/// the cache's, every page may differ, so the build is a full one.
enum BuildInputs {
    /// - Parameter configText: the `site.yml` text the build parsed.
    static func digest(
        options: BuildOptions, configText: String, templates: TemplateSet, assets: [String: Data],
        verification: VerificationResults?
    ) -> [UInt8] {
        var hasher = SHA256()
        func add(_ text: String) {
            hasher.update(data: Data(text.utf8))
            hasher.update(data: [0])
        }
        func add(_ data: Data) {
            add(String(data.count))
            hasher.update(data: data)
        }
        add("cwd \(FileManager.default.currentDirectoryPath)")
        for path in [options.contentPath, options.templatesPath, options.configPath, options.outputPath] {
            add(URL(fileURLWithPath: path).standardizedFileURL.path)
        }
        add("drafts \(options.includeDrafts)")
        add("search \(options.searchIndexer?.command.joined(separator: " ") ?? "none")")
        add(Data(configText.utf8))
        for source in templates.sources.sorted(by: { $0.name < $1.name }) {
            add(source.name)
            add(Data(source.text.utf8))
        }
        for (path, data) in assets.sorted(by: { $0.key < $1.key }) {
            add(path)
            add(data)
        }
        if let verification {
            // What the pages show of it: the backend, the day and each claim's outcome; a new
            // run on the same day with the same outcomes changes no page.
            add("verification \(verification.backend) \(verification.displayDate)")
            for claim in verification.claims.sorted(by: { ($0.id, $0.textHash) < ($1.id, $1.textHash) }) {
                add("\(claim.id) \(claim.verdict) \(claim.textHash) \(claim.drift)")
            }
        }
        return Array(hasher.finalize())
    }
}

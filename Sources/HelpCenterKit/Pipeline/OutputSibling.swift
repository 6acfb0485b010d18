import Foundation

/// The files and folders a build keeps next to the output (`.Public.build-cache`,
/// `.Public.staging-4242`, ...): named in one place, so the clean-up of killed builds
/// (`OutputWriter.removeAbandoned`) matches exactly what the writers create.
enum OutputSibling: String, CaseIterable {
    /// A full build's staging folder, per process.
    case staging = "staging-"
    /// A re-built search index before it is swapped in, per process.
    case searchIndex = "pagefind-"
    /// The build cache (`BuildCache`).
    case cache = "build-cache"
    /// The cache being written, per process.
    case cacheTemporary = "build-cache.tmp-"
    /// The compiled templates (`TemplateCache`).
    case templateCache = "template-cache"
    /// The compiled templates being written, per process.
    case templateCacheTemporary = "template-cache.tmp-"

    /// Whether each process gets its own, named with its id after the prefix.
    var isPerProcess: Bool { self != .cache && self != .templateCache }

    /// `.Public.<name>` next to `output` (for this process when per-process).
    func url(next output: URL) -> URL {
        let output = output.standardizedFileURL
        let suffix = isPerProcess ? "\(getpid())" : ""
        return output.deletingLastPathComponent().appendingPathComponent(prefix(for: output) + suffix)
    }

    /// `.Public.staging-` for `Public`.
    func prefix(for output: URL) -> String {
        ".\(output.standardizedFileURL.lastPathComponent).\(rawValue)"
    }
}

import Foundation
import Synchronization

/// What a long-running `serve` keeps between its builds, so that a rebuild does not read back
/// what the last one wrote or look again at what did not change:
/// - the build cache as saved, decoded from memory on another thread right after the save, and
///   trusted only while the file beside the output is still the one saved (a `helpcenter build`
///   in between, or a deleted cache, makes the next build read the file as usual);
/// - with `trustsReportedChanges`, the content folder's survey (listings, stamps, category
///   pages), taken again only for what the watcher reported: the changed articles' stamps, or
///   the whole folder when more than an article's text changed.
///   Only for a watcher that sees every change: `serve --poll` does not use it.
public final class BuildMemory: Sendable {
    private struct State {
        var cache: (outputPath: String, file: FileStamp, decoded: BackgroundWork<BuildCache?>)?
        var survey: (unsafeHTML: Bool, survey: ContentSurvey)?
        /// The surveyed content folder as an absolute path, to place reported paths in it. It
        /// outlives `survey`, which is taken away while a build surveys again.
        var contentFolder: String?
        /// What was reported in category folders since the survey was taken.
        var changes = ReportedChanges()
        /// A change that may touch anything (the content folder itself, an unknown path).
        var changedAll = false
    }

    public let trustsReportedChanges: Bool
    private let state = Mutex(State())

    public init(trustsReportedChanges: Bool) {
        self.trustsReportedChanges = trustsReportedChanges
    }

    /// A file or folder at `path` changed (`nil`: something did, unknown where).
    public func noteChange(at path: String?) {
        state.withLock { state in
            guard let path, let folder = state.contentFolder else {
                state.changedAll = true
                return
            }
            let changed = LexicalPath.absolute(path)
            guard changed.hasPrefix(folder + "/") else {
                // Outside the content folder (site.yml, templates): nothing the survey read,
                // except that site.yml decides how category pages render.
                state.changedAll = true
                return
            }
            let parts = changed.dropFirst(folder.count + 1).split(separator: "/")
            if parts.count >= 2, let name = parts.last {
                state.changes.files[parts.dropLast().joined(separator: "/"), default: []].insert(String(name))
            } else {
                state.changedAll = true
            }
        }
    }

    /// The survey of `loader`'s content folder: the remembered one with changed folders taken
    /// again, or a new one.
    func survey(_ loader: ContentLoader) throws(HelpCenterError) -> ContentSurvey {
        let (previous, changed) = state.withLock { state -> (ContentSurvey?, ReportedChanges) in
            defer {
                state.survey = nil
                state.changes = ReportedChanges()
                state.changedAll = false
            }
            // Only for the same folder and rendering (site.yml may have changed under a build
            // that began before its report), and not when the content folder's own entries had
            // problems (a link that may resolve now).
            guard trustsReportedChanges, !state.changedAll, let kept = state.survey,
                state.contentFolder == LexicalPath.absolute(loader.contentPath), kept.unsafeHTML == loader.unsafeHTML,
                !kept.survey.steps.contains(where: \.isProblem)
            else { return (nil, state.changes) }
            return (kept.survey, state.changes)
        }
        let survey: ContentSurvey
        if let previous, let reused = loader.survey(reusing: previous, changes: changed) {
            survey = reused
        } else {
            survey = try loader.survey()
        }
        if trustsReportedChanges {
            state.withLock { state in
                state.survey = (loader.unsafeHTML, survey)
                state.contentFolder = LexicalPath.absolute(loader.contentPath)
            }
        }
        return survey
    }

    /// The cache last saved for `outputPath`, if the file there is still that one.
    func savedCache(forOutput outputPath: String) -> BuildCache? {
        guard let saved = state.withLock({ $0.cache }), saved.outputPath == outputPath,
            FileStamp(path: BuildCache.path(forOutput: outputPath)) == saved.file
        else { return nil }
        return saved.decoded.value
    }

    /// Remembers the cache just saved beside `outputPath` (`encoded` and the output's stamp, as
    /// `BuildCache.save` wrote them), decoding it on another thread.
    func rememberCache(_ encoded: ByteWriter, output: FileStamp, forOutput outputPath: String) {
        guard let file = FileStamp(path: BuildCache.path(forOutput: outputPath)) else {
            state.withLock { $0.cache = nil }
            return
        }
        let decoded = BackgroundWork { () -> BuildCache? in
            var payload = encoded.bytes
            var tail = ByteWriter()
            output.write(to: &tail)
            payload += tail.bytes
            var reader = ByteReader(payload)
            guard let cache = try? BuildCache(from: &reader), reader.isAtEnd else { return nil }
            return cache
        }
        let replaced = state.withLock { state in
            defer { state.cache = (outputPath, file, decoded) }
            return state.cache?.decoded
        }
        if let replaced { ProcessLifetime.keep(replaced) }
    }

    /// After a save that failed or was skipped: the file is not what is remembered.
    func forgetCache() {
        state.withLock { $0.cache = nil }
    }
}

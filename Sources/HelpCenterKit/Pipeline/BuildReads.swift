import Foundation

/// The build's first stage: everything it reads besides the content, started on other threads
/// so that the content survey and the articles load meanwhile. Each value is waited for where
/// it is first needed.
struct BuildReads {
    let config: SiteConfig
    /// `site.yml` as written, for the inputs digest.
    let configText: String
    /// The previous build's cache (`nil` without one, or with `--full`).
    let previousCache: BackgroundWork<BuildCache?>
    /// The commit dates, read while the articles load when no cache can give them.
    let earlyDates: BackgroundWork<(dates: [String: Date], key: String?)>?
    /// Templates (or their cache), `Templates/assets/` and the `--verification` report.
    let inputs: BackgroundWork<Result<(TemplateSet, [String: Data], VerificationResults?), HelpCenterError>>

    /// Starts every read; only `site.yml` is read here, as the survey needs it.
    static func start(_ options: BuildOptions, memory: BuildMemory?, generator: String) throws(HelpCenterError)
        -> BuildReads
    {
        let previousCache = BackgroundWork { () -> BuildCache? in
            guard options.useCache else { return nil }
            return memory?.savedCache(forOutput: options.outputPath)
                ?? BuildCache.load(forOutput: options.outputPath, generator: generator)
        }
        let earlyDates =
            options.useCache && BuildCache.exists(forOutput: options.outputPath)
            ? nil : BackgroundWork { SiteBuilder.commitDates(contentPath: options.contentPath, previous: nil) }
        let (config, configText) = try SiteConfigLoader.loadWithText(path: options.configPath)
        let inputs = BackgroundWork {
            Result { () throws(HelpCenterError) in try SiteInputs.load(options, generator: generator) }
        }
        return BuildReads(
            config: config, configText: configText, previousCache: previousCache, earlyDates: earlyDates,
            inputs: inputs)
    }
}

/// What the load stage gives the plan and the pages: the content, the inputs it was checked
/// against, and what the next cache records.
struct LoadedSite {
    var loaded: LoadedContent
    var templates: TemplateSet
    var assets: [String: Data]
    var verification: VerificationResults?
    /// `BuildInputs.digest` of everything but the articles.
    var inputs: [UInt8]
    var previous: BuildCache?
    /// The key the commit dates are filed under (`nil` when unknown).
    var git: String?
    /// The dates themselves, to fill in again if the articles are loaded again.
    var commitDates: [String: Date]
    /// Articles were taken from the cache, without their bodies: a full build loads them again.
    var tookFromCache: Bool
}

import Foundation

/// What a build reads besides the articles and `site.yml`: the templates, the assets and the
/// verification results with their screenshots; loaded on the second core while the articles load.
enum SiteInputs {
    /// The templates come from the `TemplateCache` when the last build by `generator` compiled
    /// the same files (unless `options` ignore caches).
    static func load(_ options: BuildOptions, generator: String) throws(HelpCenterError) -> (
        TemplateSet, [String: Data], VerificationResults?
    ) {
        let sources = try TemplateSet.read(directory: options.templatesPath)
        let templates =
            if options.useCache,
                let cached = TemplateCache.load(forOutput: options.outputPath, generator: generator, sources: sources)
            {
                cached
            } else {
                try TemplateSet.compile(sources, directory: options.templatesPath)
            }
        var assets = try AssetCollector.collect(from: options.templatesPath + "/assets")
        var verification: VerificationResults?
        if let path = options.verificationPath {
            var results = try VerificationResults.load(path: path)
            assets.merge(
                try StepScreenshots.load(&results, reportPath: path), uniquingKeysWith: { _, screen in screen })
            verification = results
        }
        return (templates, assets, verification)
    }
}

import Foundation

/// What a build reads besides the articles and `site.yml`: the templates, the assets and the
/// verification results; loaded on the second core while the articles load.
enum SiteInputs {
    static func load(_ options: BuildOptions) throws(HelpCenterError) -> (
        TemplateSet, [String: Data], VerificationResults?
    ) {
        let templates = try TemplateSet.load(directory: options.templatesPath)
        let assets = try AssetCollector.collect(from: options.templatesPath + "/assets")
        let verification = try options.verificationPath.map { path throws(HelpCenterError) in
            try VerificationResults.load(path: path)
        }
        return (templates, assets, verification)
    }
}

import TestSupport

@testable import HelpCenterKit

extension TemporarySite {
    /// Build options for this site's own `Content/`, `Templates/`, `site.yml` and `Public/`.
    var buildOptions: BuildOptions {
        BuildOptions(
            contentPath: path("Content"), templatesPath: path("Templates"), outputPath: path("Public"),
            configPath: path("site.yml"))
    }
}

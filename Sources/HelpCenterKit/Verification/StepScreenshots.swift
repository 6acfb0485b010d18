import Foundation

/// The screenshots `verify` took of the steps in the product's screens, published with the
/// site as assets (`screens/<claim id>.png`, fingerprinted like every asset), so each article
/// shows the screens as they were at its last verification: never a stale picture in `Content/`.
enum StepScreenshots {
    /// The asset path of `claimID`'s screenshot.
    static func assetPath(_ claimID: String) -> String { "screens/\(claimID).png" }

    /// Each screenshot the report at `reportPath` names, read from its folder, by asset path;
    /// their sizes are kept in `results`.
    /// - Throws: `HelpCenterError` naming the report and the missing or unreadable picture.
    static func load(_ results: inout VerificationResults, reportPath: String) throws(HelpCenterError) -> [String: Data]
    {
        let named = results.claims.compactMap { claim in claim.screenshot.map { (claim.id, $0) } }
        guard !named.isEmpty, let folder = results.screenshotFolder else { return [:] }
        let reportFolder = URL(fileURLWithPath: reportPath).deletingLastPathComponent()
        let base =
            folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : reportFolder.appendingPathComponent(folder)
        var pictures: [String: Data] = [:]
        for (id, file) in named {
            guard !file.contains("/"), let data = try? Data(contentsOf: base.appendingPathComponent(file)),
                let size = size(ofPNG: data)
            else {
                throw HelpCenterError(
                    .error(
                        "the verification report names the screenshot '\(file)' for claim '\(id)', but "
                            + "\(base.appendingPathComponent(file).path) is not a readable PNG: run verify again "
                            + "with --report (screenshots are written beside it)", at: SourceLocation(path: reportPath))
                )
            }
            pictures[assetPath(id)] = data
            results.screenshotSizes[id] = VerificationResults.PixelSize(width: size.width, height: size.height)
        }
        return pictures
    }

    /// A PNG's size in pixels from its header, so the page reserves the space before it loads.
    static func size(ofPNG data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func number(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(at: 16), number(at: 20))
    }
}

/// Deliberate breakages of the product's screens, so `verify`'s tests can prove each screen
/// step notices when the screens stop matching the article.
public struct ScreenDefects: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The Workspace's Business Tools icon is named "Tools" instead.
    public static let businessToolsRenamed = ScreenDefects(rawValue: 1)
    /// The Integrations page has no Delete icon next to a connected Zoom.
    public static let noDeleteIcon = ScreenDefects(rawValue: 2)
}

/// Facts about akslint itself, used in reports.
public enum AKSLintInfo {
    /// The tool's name in reports.
    public static let name = "akslint"
    /// The version reported by `--version`, JSON and SARIF.
    public static let version = "0.1.0"
    /// Where the tool is documented.
    public static let informationURI = "https://github.com/akslint/akslint"
}

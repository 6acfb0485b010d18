import Foundation

/// axe-core, the accessibility engine, as a PyPI package ships it. Provenance: `axe.min.js` of
/// axe-core 4.12.1 (Deque Systems, MPL-2.0) inside the wheel `axe-playwright-python==0.1.8`
/// (`axe_playwright_python/axe.min.js`), which `make test` installs with `--no-deps`. The test
/// checks the version the page reports, so a different engine is noticed, not silently used.
enum AxeCore {
    static let version = "4.12.1"
    static let pythonPackage = "axe-playwright-python==0.1.8"

    /// The script's text, from `AXE_SCRIPT` if set, else from the installed Python package.
    static func script() throws -> String {
        let path =
            ProcessInfo.processInfo.environment["AXE_SCRIPT"]
            ?? installedPath()
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AxeMissing()
        }
        return text
    }

    struct AxeMissing: Error, CustomStringConvertible {
        var description: String {
            "axe.min.js not found: `make test` installs it (python3 -m pip install --no-deps '\(AxeCore.pythonPackage)'),"
                + " or set AXE_SCRIPT to an axe.min.js of axe-core \(AxeCore.version)"
        }
    }

    /// Asks Python where the package lives: pip may install it per user or system-wide.
    private static func installedPath() -> String? {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", "-c",
            "import axe_playwright_python, pathlib; print(pathlib.Path(axe_playwright_python.__file__).parent / 'axe.min.js')",
        ]
        let output = Pipe()
        python.standardOutput = output
        python.standardError = FileHandle.nullDevice
        guard (try? python.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        guard python.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs every rule axe-core enables by default (WCAG 2.0–2.2 A/AA and best practices) and
    /// answers the violations as `[{id, impact, help, nodes: [target…]}]`.
    static let runScript = """
        const done = arguments[arguments.length - 1];
        axe.run(document).then(
          (result) => done({version: axe.version, violations: result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " "))}))}),
          (error) => done({version: axe.version, error: String(error)}));
        """
}

import Foundation

/// Keeps chromedriver and Chromium from outliving the process that started them, even when it
/// is killed with SIGKILL (a CI job cancelled, a test that kills verify mid-run): a small shell
/// watchdog starts chromedriver and kills it once this process is gone, and Chromium is
/// started through `setpriv --pdeathsig KILL` (util-linux), so the kernel ends it with its
/// driver.
enum Tether {
    /// `sh` running `driver` on `port` beside a watchdog of this process; SIGTERM to the shell
    /// stops the driver too.
    static func driverCommand(driver: String, port: Int) -> (executable: String, arguments: [String]) {
        let script = """
            "$1" --port="$2" --log-level=SEVERE >/dev/null 2>&1 &
            driver=$!
            trap 'kill -9 $driver 2>/dev/null; exit 0' TERM INT
            while kill -0 "$3" 2>/dev/null; do sleep 1; done
            kill -9 $driver 2>/dev/null
            """
        let parent = String(ProcessInfo.processInfo.processIdentifier)
        return ("/bin/sh", ["-c", script, "chromedriver-tether", driver, String(port), parent])
    }

    /// A browser executable that execs `browser` under `setpriv --pdeathsig KILL`, written in
    /// `folder`; `browser` itself when `setpriv` is not installed.
    static func browserWrapper(_ browser: String, in folder: URL) -> String {
        guard let setpriv = ChromeDriver.executable("setpriv") else { return browser }
        let wrapper = folder.appendingPathComponent("chromium")
        let script = "#!/bin/sh\nexec \(setpriv) --pdeathsig KILL '\(browser)' \"$@\"\n"
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Written whole and renamed into place: another run may be starting its browser.
            let staging = folder.appendingPathComponent(".chromium-\(UUID().uuidString)")
            try Data(script.utf8).write(to: staging)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: staging.path)
            guard rename(staging.path, wrapper.path) == 0 else { return browser }
            return wrapper.path
        } catch {
            return browser
        }
    }
}

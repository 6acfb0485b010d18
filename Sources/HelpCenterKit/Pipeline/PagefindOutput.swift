import Foundation

/// What Pagefind wrote, checked before the site is published: Pagefind exits 0 even when its
/// writes failed (a full disk leaves empty or truncated files), so its exit status proves nothing.
enum PagefindOutput {
    /// Problems with the index in `folder` (the `pagefind/` folder); empty when it is whole.
    /// - Parameter reportedPages: the page count Pagefind printed ("Indexed N pages").
    static func problems(in folder: URL, reportedPages: Int?) -> [String] {
        let manager = FileManager.default
        var problems: [String] = []
        let files = (manager.subpaths(atPath: folder.path) ?? []).filter { path in
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
        for path in files.sorted() where size(of: folder.appendingPathComponent(path)) == 0 {
            problems.append("\(path) is empty")
        }
        guard let entryData = try? Data(contentsOf: folder.appendingPathComponent("pagefind-entry.json")),
            let entry = try? JSONSerialization.jsonObject(with: entryData) as? [String: Any],
            let languages = entry["languages"] as? [String: [String: Any]], !languages.isEmpty
        else { return problems + ["pagefind-entry.json is missing or unreadable"] }
        var pages = 0
        for (_, language) in languages.sorted(by: { $0.key < $1.key }) {
            pages += language["page_count"] as? Int ?? 0
            for name in [
                (language["hash"] as? String).map { "pagefind.\($0).pf_meta" },
                (language["wasm"] as? String).map { "wasm.\($0).pagefind" },
            ] {
                guard let name, size(of: folder.appendingPathComponent(name)) > 0 else {
                    problems.append("\(name ?? "a language's index") is missing")
                    continue
                }
            }
        }
        if let reportedPages, reportedPages != pages {
            problems.append("Pagefind reported \(reportedPages) pages, its index holds \(pages)")
        }
        let fragments = files.filter { $0.hasPrefix("fragment/") }.count
        if fragments < pages { problems.append("\(pages) pages indexed but \(fragments) fragments written") }
        if let script = scriptProblem(folder.appendingPathComponent("pagefind.js")) { problems.append(script) }
        return problems
    }

    /// The entry script the search page imports: present, and whole enough to parse (checked
    /// with Node's parser where Node is installed).
    private static func scriptProblem(_ script: URL) -> String? {
        guard size(of: script) > 0 else { return "pagefind.js is missing" }
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: node)
        check.arguments = ["--check", script.path]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return nil }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? nil : "pagefind.js does not parse (cut short?)"
    }

    private static func size(of file: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
    }

    /// "Indexed 12 pages" from Pagefind's output.
    static func reportedPages(in output: String) -> Int? {
        output.firstMatch(of: /Indexed (\d+) pages?/).flatMap { Int($0.output.1) }
    }
}

import Foundation
import Synchronization
import WebDriver

/// The one Chromium a verify run drives, started when the first article with steps in the
/// product's screens needs it and stopped at the end of the run. Each article's walk starts
/// signed out: the cookies of the one before are deleted.
public final class ScreenBrowser: Sendable {
    private struct Running: Sendable {
        let driver: ChromeDriver
        let session: WebDriverSession
    }

    private let state = Mutex<Result<Running, WebDriverError>?>(nil)
    /// One walk at a time: a walk owns the page, the cookies and the window while it runs.
    private let turn = Mutex(())
    private let width: Int
    private let height: Int

    /// Screenshots are `width`×`height` CSS pixels.
    public init(width: Int = 1280, height: Int = 800) {
        self.width = width
        self.height = height
    }

    /// Runs `walk` with the session to itself, signed out; blocks while another walk has it.
    /// - Throws: why the browser could not start (every time, once it could not).
    func withSession<Value>(_ walk: (WebDriverSession) -> Value) throws(WebDriverError) -> Value {
        try turn.withLock { _ throws(WebDriverError) in walk(try session()) }
    }

    /// The session, started on first use.
    private func session() throws(WebDriverError) -> WebDriverSession {
        let outcome = state.withLock { state in
            if let state { return state }
            let started = Self.start(width: width, height: height)
            state = started
            return started
        }
        let session = try outcome.get().session
        try session.deleteAllCookies()
        return session
    }

    private static func start(width: Int, height: Int) -> Result<Running, WebDriverError> {
        let driver: ChromeDriver
        do {
            driver = try ChromeDriver()
        } catch {
            return .failure(error)
        }
        do {
            return .success(Running(driver: driver, session: try driver.newSession(width: width, height: height)))
        } catch {
            driver.stop()
            return .failure(error)
        }
    }

    /// Closes the browser and its driver, if they were started.
    public func stop() {
        let running = state.withLock { state -> Running? in
            defer { state = nil }
            return try? state?.get()
        }
        running?.session.quit()
        running?.driver.stop()
    }

    /// Runs blocking WebDriver work on a thread of its own: the in-process servers the browser
    /// talks to need the concurrency pool's few threads meanwhile.
    static func offThePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

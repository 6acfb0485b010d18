#!/usr/bin/env python3
"""`make bench`: our build vs Hugo vs the raw cmark CLI on the same generated articles, side by
side in one run, plus our rebuild after one article changed, from the command line and in
`helpcenter serve`. Prints a table and writes .build/bench/results.json.

Usage: bench.py HELPCENTER_BINARY [SIZES...]   (default sizes: 1000 10000)

Each size is measured twice: with the outputs on disk (.build/bench, ext4 here) and in memory
(/dev/shm, a tmpfs, when the machine has one): the second leaves out the file system's own
state, which on this VM's journal-less ext4 grows with every deletion (see `fresh`).
BENCH_STORAGE=disk (or memory) measures only one.
"""
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / ".build" / "bench"
RUNS = 3
# A one-article rebuild takes a twentieth of a full build, so the machine's noise weighs more
# on it: more runs, still the median.
REBUILD_RUNS = 9
TRASH = WORK / "trash"
DELETED = WORK / "last-deletion"
MEMORY = pathlib.Path("/dev/shm/helpcenter-bench")


def storages():
    """Where outputs go: on disk always, in memory when /dev/shm is a tmpfs."""
    wanted = os.environ.get("BENCH_STORAGE", "disk memory").split()
    in_memory = subprocess.run(["stat", "-f", "-c", "%T", "/dev/shm"], capture_output=True,
                               text=True).stdout.strip() == "tmpfs"
    return [name for name in ("disk", "memory") if name in wanted and (name == "disk" or in_memory)]


def measure(command, cwd=None):
    """Wall seconds and peak RSS (MiB) of one run, via /usr/bin/time -v."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return wall, rss


def median_of(command, cwd=None, before=None, runs=RUNS):
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(measure(command, cwd))
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def prepare(size):
    folder = WORK / str(size)
    if not (folder / "Content").exists():
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_corpus.py"), str(size), str(folder)], check=True)
    hugo = folder / "hugo"
    if hugo.exists():
        shutil.rmtree(hugo)
    shutil.copytree(ROOT / "Benchmarks" / "hugo-site", hugo)
    (hugo / "content").symlink_to(folder / "Content")
    corpus = folder / "all.md"
    with open(corpus, "w") as out:
        for path in sorted((folder / "Content").rglob("*.md")):
            out.write(path.read_text())
            out.write("\n")
    return folder


def bench(binary, size, storage):
    folder = prepare(size)
    outputs = folder if storage == "disk" else MEMORY / str(size)
    outputs.mkdir(parents=True, exist_ok=True)
    ours = [binary, "build", "--content", str(folder / "Content"), "--templates", str(ROOT / "Templates"),
            "--config", str(ROOT / "site.yml"), "--output", str(outputs / "public-ours"), "--no-search"]
    hugo = ["hugo", "--source", str(folder / "hugo"), "--destination", str(outputs / "public-hugo"), "--quiet"]
    cmark = ["sh", "-c", f"cmark {folder / 'all.md'} > /dev/null"]
    article = next((folder / "Content").rglob("article-0001.md"))
    original = article.read_text()

    def touch_one():
        article.write_text(original + f"\nEdited at {time.time()}.\n")

    def fresh(output):
        # A full build starts from no output for both tools. The old output is moved aside, not
        # deleted: on a journal-less ext4 (this VM) the inode allocator skips inodes freed in the
        # last minute one by one (`recently_deleted`), so deleting 20,000 files just before a run
        # makes the next 20,000 creations several times slower for either tool. A CI runner
        # starts from a fresh checkout, not from a mass deletion. The trash goes after all runs.
        def clear():
            # No cache of any kind either: a full build measures compiling the templates too.
            for cache in output.parent.glob(f".{output.name}.*cache"):
                cache.unlink()
            if output.exists() and storage == "memory":
                shutil.rmtree(output)
            elif output.exists():
                output.rename(TRASH / f"{output.name}-{time.time_ns()}")
            subprocess.run(["sync"])
            time.sleep(1)
        return clear

    results = {
        "articles": size,
        "storage": storage,
        "ours": median_of(ours, before=fresh(outputs / "public-ours")),
        "hugo": median_of(hugo, before=fresh(outputs / "public-hugo")),
        "cmark": median_of(cmark),
        "ours_rebuild_one": median_of(ours, before=touch_one, runs=REBUILD_RUNS),
    }
    # The rebuild must have been the incremental one, and its output must equal a clean build's.
    check_rebuild(outputs, ours, touch_one, storage)
    results["ours_serve_one"] = serve_rebuilds(ours, outputs, touch_one, storage)
    article.write_text(original)
    pagefind = [sys.executable, "-m", "pagefind", "--site", str(outputs / "public-ours")]
    results["search_index"] = median_of(pagefind) if storage == "disk" and subprocess.run(
        [sys.executable, "-m", "pagefind", "--version"], capture_output=True).returncode == 0 else None
    if storage == "memory":
        shutil.rmtree(outputs)
    return results


def check_rebuild(folder, ours, touch_one, storage):
    """Fails the benchmark when the measured rebuild was not incremental or its output differs
    from a clean build of the same content: a fast wrong answer is not a result."""
    touch_one()
    result = subprocess.run(ours, capture_output=True, text=True)
    if result.returncode != 0 or "re-rendered" not in result.stdout:
        sys.exit(f"the one-article rebuild was not incremental:\n{result.stdout}{result.stderr}")
    clean = [arg if arg != str(folder / "public-ours") else str(folder / "public-clean") for arg in ours] + ["--full"]
    subprocess.run(clean, check=True, capture_output=True)
    diff = subprocess.run(["diff", "-r", "-q", str(folder / "public-ours"), str(folder / "public-clean")],
                          capture_output=True, text=True)
    if diff.returncode != 0:
        sys.exit(f"the incremental rebuild differs from a clean build:\n{diff.stdout[:2000]}")
    if storage == "memory":
        shutil.rmtree(folder / "public-clean")
    else:
        (folder / "public-clean").rename(TRASH / f"public-clean-{time.time_ns()}")
    for cache in folder.glob(".public-clean.*cache"):
        cache.unlink()
    print(f"{folder.name} ({storage}): incremental rebuild verified identical to a clean build")


def serve_rebuilds(ours, folder, touch_one, storage):
    """`helpcenter serve` (no search, as the command-line builds here): the time from saving one
    article to the moment the page's reload poll answers, i.e. the page is rebuilt and served;
    median of REBUILD_RUNS saves. The first build (a full one) is not counted. Peak RSS is the
    server's own, first build included. Then, as for the command-line rebuild, every save must
    have been an incremental rebuild and the served folder must equal a clean build's."""
    output = folder / "public-serve"
    options = [arg if arg != str(folder / "public-ours") else str(output) for arg in ours[2:]]
    server = subprocess.Popen([ours[0], "serve", "--port", "0", "--no-reload"] + options,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    base = None
    for line in server.stdout:
        lines.append(line)
        found = re.search(r" at (http://127\.0\.0\.1:\d+)/", line)
        if found:
            base = found.group(1)
            break
    if base is None:
        sys.exit("helpcenter serve did not start:\n" + "".join(lines))
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    reader.start()

    def generation(since):
        with urllib.request.urlopen(f"{base}/__livereload?since={since}", timeout=60) as answer:
            return json.load(answer)["generation"]

    samples = []
    for _ in range(REBUILD_RUNS):
        time.sleep(0.2)
        before = generation(-1)
        answered = {}
        waiter = threading.Thread(target=lambda: answered.update(generation=generation(before)))
        waiter.start()
        time.sleep(0.3)  # the poll is waiting at the server
        started = time.perf_counter()
        touch_one()
        waiter.join()
        samples.append(time.perf_counter() - started)
        if answered.get("generation") != before + 1:
            sys.exit(f"serve answered generation {answered.get('generation')} after {before}:\n" + "".join(lines))
    # The server logs a rebuild just after answering the poll: wait for the last line.
    deadline = time.time() + 10
    while sum(line.startswith("rebuilt ") for line in lines) < REBUILD_RUNS + 1 and time.time() < deadline:
        time.sleep(0.05)
    rss = next(int(line.split()[1]) for line in open(f"/proc/{server.pid}/status") if line.startswith("VmHWM")) / 1024
    server.terminate()
    server.wait()
    reader.join(10)
    rebuilds = [line for line in lines if line.startswith("rebuilt ")]
    if len(rebuilds) != REBUILD_RUNS + 1 or any(not line.startswith("rebuilt 1 of ") for line in rebuilds[1:]):
        sys.exit("serve's rebuilds were not one page each:\n" + "".join(lines))
    clean = [arg if arg != str(output) else str(folder / "public-serve-clean") for arg in [ours[0], "build"] + options]
    subprocess.run(clean + ["--full"], check=True, capture_output=True)
    diff = subprocess.run(["diff", "-r", "-q", str(output), str(folder / "public-serve-clean")],
                          capture_output=True, text=True)
    if diff.returncode != 0:
        sys.exit(f"serve's rebuilt folder differs from a clean build:\n{diff.stdout[:2000]}")
    for name in ("public-serve", "public-serve-clean"):
        if storage == "memory":
            shutil.rmtree(folder / name)
        else:
            (folder / name).rename(TRASH / f"{name}-{time.time_ns()}")
        for cache in folder.glob(f".{name}.*cache"):
            cache.unlink()
    print(f"{folder.name} ({storage}): serve's {REBUILD_RUNS} rebuilds verified identical to a clean build")
    return statistics.median(samples), rss


def settle_after_deletions():
    """Waits until the last mass deletion (a previous run's trash) is over a minute old, so that
    ext4 no longer skips the freed inodes (see `fresh`)."""
    if TRASH.exists():
        shutil.rmtree(TRASH, ignore_errors=True)
        DELETED.write_text(str(time.time()))
    if DELETED.exists():
        wait = 65 - (time.time() - float(DELETED.read_text()))
        if wait > 0:
            print(f"waiting {wait:.0f} s for the file system to settle after the last run's deletions")
            time.sleep(wait)


def main():
    binary = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]] or [1000, 10000]
    settle_after_deletions()
    TRASH.mkdir(parents=True, exist_ok=True)
    try:
        rows = [bench(binary, size, storage) for storage in storages() for size in sizes]
    finally:
        shutil.rmtree(TRASH, ignore_errors=True)
        DELETED.write_text(str(time.time()))
    print(f"\n{'articles':>8} {'output':<7} {'tool':<22} {'wall s':>8} {'vs Hugo':>8} {'vs cmark':>9} {'vs ours':>8} "
          f"{'peak RSS MiB':>13}")
    for row in rows:
        hugo, cmark, ours = row["hugo"][0], row["cmark"][0], row["ours"][0]
        for name in ("ours", "hugo", "cmark", "ours_rebuild_one", "ours_serve_one", "search_index"):
            if row[name] is None:
                continue
            wall, rss = row[name]
            print(f"{row['articles']:>8} {row['storage']:<7} {name:<22} {wall:>8.3f} {wall / hugo:>7.2f}x "
                  f"{wall / cmark:>8.2f}x "
                  f"{100 * wall / ours:>7.1f}% {rss:>13.1f}")
    report = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "runs_per_measurement": RUNS,
        "rebuild_runs": REBUILD_RUNS,
        "results": [{k: (list(v) if isinstance(v, tuple) else v) for k, v in row.items()} for row in rows],
    }
    (WORK / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten: {WORK / 'results.json'}")


if __name__ == "__main__":
    main()

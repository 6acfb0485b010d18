#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (ASan + libFuzzer) and runs each one for a bounded time
# on a scratch copy of its committed seed corpus (Fuzz/Corpus/<target>).
#
#   scripts/fuzz.sh                     every target, FUZZ_SECONDS (60) each
#   FUZZ_TARGETS="markdown webhook" scripts/fuzz.sh
#   FUZZ_CONFIG=debug scripts/fuzz.sh   (release is the default: several times more exec/s)
#
# Prints one line per target (executions, cov/ft, corpus size, result) and exits 1 when any
# target crashed, timed out, leaked or ran out of memory, naming the saved input. Reproduce one
# with: SWIFT_BACKTRACE=enable=no .build/fuzz/<config>/<Fuzzer> <artifact>
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
CONFIG=${FUZZ_CONFIG:-release}
BUILD_PATH=${FUZZ_BUILD_PATH:-$ROOT/.build/fuzz}
WORK=${FUZZ_WORK:-$ROOT/.build/fuzz-work}
TARGETS=${FUZZ_TARGETS:-front-matter markdown templates mock-zoom-request webhook}
# LeakSanitizer found no false positives here (Fuzz/README.md); FUZZ_DETECT_LEAKS=0 is faster.
DETECT_LEAKS=${FUZZ_DETECT_LEAKS:-1}

executable() {
    case $1 in
    front-matter) echo FuzzFrontMatter ;;
    markdown) echo FuzzMarkdown ;;
    templates) echo FuzzTemplates ;;
    mock-zoom-request) echo FuzzMockZoomRequest ;;
    webhook) echo FuzzWebhook ;;
    *) return 1 ;;
    esac
}

max_len() {
    case $1 in
    front-matter) echo 8192 ;;
    markdown | templates) echo 16384 ;;
    *) echo 4096 ;;
    esac
}

for target in $TARGETS; do
    executable "$target" >/dev/null || { echo "fuzz: unknown target '$target'" >&2; exit 64; }
done

echo "fuzz: building ($CONFIG, -sanitize=fuzzer,address) in $BUILD_PATH"
"$SWIFT" build -c "$CONFIG" --package-path Fuzz --build-path "$BUILD_PATH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library || exit 1
BIN=$BUILD_PATH/$CONFIG

summary=()
failed=0
for target in $TARGETS; do
    name=$(executable "$target")
    dir=$WORK/$target
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp "$ROOT/Fuzz/Corpus/$target"/* "$dir/corpus/"
    dictionary=()
    [ -f "$ROOT/Fuzz/Dictionaries/$target.dict" ] && dictionary=(-dict="$ROOT/Fuzz/Dictionaries/$target.dict")
    started=$(date +%s)
    echo "fuzz: $target for ${SECONDS_PER_TARGET}s (log: $dir/log.txt)"
    # Swift's own backtracer trips ASan (stack-buffer-underflow in its memserver thread) and
    # hides the real report, so libFuzzer and ASan print the stack instead.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=$DETECT_LEAKS:handle_abort=1:${ASAN_OPTIONS:-} "$BIN/$name" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
        -detect_leaks="$DETECT_LEAKS" -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
        "${dictionary[@]}" "$dir/corpus" >"$dir/log.txt" 2>&1
    status=$?
    elapsed=$(($(date +%s) - started))

    runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$dir/log.txt" | tail -1)
    seconds=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$dir/log.txt" | tail -1)
    # A crash ends the run without "Done"; the final stats still count the executions.
    [ -n "$runs" ] || runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$dir/log.txt" | tail -1)
    [ -n "$seconds" ] || seconds=$elapsed
    last=$(grep -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$dir/log.txt" | tail -1)
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
    corpus=$(sed -n 's/.*corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
    artifact=$(ls -t "$dir/artifacts" 2>/dev/null | head -1)
    if [ "$status" -eq 0 ] && [ -z "$artifact" ]; then
        result=ok
    else
        failed=1
        kind=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-zA-Z-]+( [a-zA-Z-]+)?|SUMMARY: [^ ]+: [a-zA-Z-]+|Fatal error: .*' "$dir/log.txt")
        result="FAILED (exit $status${kind:+: $kind})${artifact:+ input: $dir/artifacts/$artifact}"
    fi
    line=$(printf '%-18s runs %-9s in %4ss  cov %-5s ft %-6s corpus %-12s %s' \
        "$target" "${runs:-?}" "${seconds:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$result")
    summary+=("$line")
    echo "$line"
done

echo
echo "fuzz summary (${SECONDS_PER_TARGET}s per target, $CONFIG, leaks $([ "$DETECT_LEAKS" = 1 ] && echo on || echo off)):"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: failures above; reproduce with $BIN/<Fuzzer> <input>, then copy the input to Fuzz/Regressions/<target>/" >&2
    exit 1
fi

#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt's FuzzerInterface.h), linked in by -sanitize=fuzzer.
/// Called from each fuzzer's `<module>_main`: SwiftPM renames an executable's entry point to
/// that symbol and points `main` at it, so libFuzzer's own `main` is never linked.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

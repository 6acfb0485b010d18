// Only the header matters: it declares libFuzzer's driver for the Swift fuzzers.
#include "FuzzerDriver.h"

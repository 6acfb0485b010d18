// Exposes Debian's libcmark (libcmark-dev) to Swift.
#include <cmark.h>

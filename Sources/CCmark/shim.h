#ifndef BRIEFING_CCMARK_SHIM_H
#define BRIEFING_CCMARK_SHIM_H
#include <cmark.h>
#include <stdlib.h>
#endif

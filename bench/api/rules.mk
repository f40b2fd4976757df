# bench/api/rules.mk — the embedded reference: include/gs.h against Lua 5.4's
# C API in one harness (bench/api/api_bench.c). Included from the top-level
# Makefile.
#
#   make bench-api              build and run it (1 000 000 ops per row)
#   make bench-api N=100000     fewer operations
#
# Needs liblua5.4-dev (the Makefile's `tools` step installs it).

BUILD ?= build
BENCH_API_CFLAGS = -O2 -g -std=gnu11 -Wall -Wextra -Iinclude -I/usr/include/lua5.4
BENCH_API_LIBS = -llua5.4 -luv -lpcre2-8 -lm

.PHONY: bench-api
bench-api: $(BUILD)/bench/api_bench
	$(BUILD)/bench/api_bench $(N)

$(BUILD)/bench/api_bench: bench/api/api_bench.c include/gs.h $(BUILD)/libgs.a
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_API_CFLAGS) -o $@ $< $(BUILD)/libgs.a $(BENCH_API_LIBS)

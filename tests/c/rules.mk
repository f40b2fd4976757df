# tests/c/rules.mk — C unit tests. Included from the top-level Makefile.
#
# Every tests/c/test_NAME.c becomes $(BUILD)/tests/test_NAME, linked against
# $(BUILD)/libgs-internal.a (they test internals: nothing is hidden) with
# -lm; the test runner executes each of them. Tests
# print "ok N - ..." lines and exit non-zero on failure.
#
#   make c-tests          build all C tests (uses CC/CFLAGS/LDLIBS/BUILD,
#                         so `make test-asan` builds them with ASan too)
#   make coro-selftest    build and run test_switch straight from
#                         coro/coro.c + coro/switch_x86_64.S (no libgs.a needed)
#                         with gcc -O2, clang ASan+UBSan, and under valgrind

BUILD ?= build

C_TEST_SRC := $(wildcard tests/c/test_*.c)
C_TEST_BIN := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(C_TEST_SRC))

.PHONY: c-tests coro-selftest
c-tests: $(C_TEST_BIN)

# Dependency files go to $(BUILD)/tests/deps/ (picked up by the Makefile's
# `-include` of every *.d under $(BUILD)) so that $(BUILD)/tests/test_*
# holds nothing but test executables.
C_TEST_LIBS = $(LDLIBS) $(if $(filter -lm,$(LDLIBS)),,-lm)

$(BUILD)/tests/test_%: tests/c/test_%.c $(BUILD)/libgs-internal.a
	@mkdir -p $(dir $@) $(dir $@)deps
	$(COMPILE) -MMD -MP -MF $(dir $@)deps/test_$*.d -MT $@ -o $@ $< $(BUILD)/libgs-internal.a $(C_TEST_LIBS)

# ---- the coroutine layer alone, three ways ------------------------------
CORO_SELFTEST_SRC := tests/c/test_switch.c coro/coro.c coro/switch_x86_64.S
CORO_SELFTEST_FLAGS := -std=gnu11 -g -Wall -Wextra -Icoro

$(BUILD)/coro-selftest/gcc: $(CORO_SELFTEST_SRC) coro/coro.h
	@mkdir -p $(dir $@)
	gcc -O2 $(CORO_SELFTEST_FLAGS) -o $@ $(CORO_SELFTEST_SRC) -lm

$(BUILD)/coro-selftest/asan: $(CORO_SELFTEST_SRC) coro/coro.h
	@mkdir -p $(dir $@)
	clang -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
	  $(CORO_SELFTEST_FLAGS) -o $@ $(CORO_SELFTEST_SRC) -lm

coro-selftest: $(BUILD)/coro-selftest/gcc $(BUILD)/coro-selftest/asan
	$(BUILD)/coro-selftest/gcc
	$(BUILD)/coro-selftest/asan
	valgrind -q --error-exitcode=99 $(BUILD)/coro-selftest/gcc

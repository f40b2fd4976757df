# tests/api/rules.mk — C tests of the embedding API (include/gs.h).
# Included from the top-level Makefile.
#
# Every tests/api/test_api_NAME.c becomes $(BUILD)/tests/test_api_NAME,
# linked against $(BUILD)/libgs.a; tests/run executes each of them (and
# tests/api/*.sh). They print "ok N - ..." lines and exit non-zero on
# failure. They include only gs.h (and tests/api/tap.h), like a host.
#
#   make api-tests     build them (uses CC/OPT/LDLIBS/BUILD, so
#                      `make test-asan` builds them with ASan too)

BUILD ?= build

API_TEST_SRC := $(wildcard tests/api/test_api_*.c)
API_TEST_BIN := $(patsubst tests/api/%.c,$(BUILD)/tests/%,$(API_TEST_SRC))
API_TEST_LIBS = $(LDLIBS) $(if $(filter -lm,$(LDLIBS)),,-lm)
API_TEST_CFLAGS = $(OPT) -g -std=gnu11 -Wall -Wextra -Iinclude

.PHONY: api-tests
api-tests: $(API_TEST_BIN)

# Dependency files go to $(BUILD)/tests/deps/ so that $(BUILD)/tests/test_*
# holds nothing but test executables.
$(BUILD)/tests/test_api_%: tests/api/test_api_%.c tests/api/tap.h include/gs.h $(BUILD)/libgs.a
	@mkdir -p $(dir $@) $(dir $@)deps
	$(CC) $(API_TEST_CFLAGS) -MMD -MP -MF $(dir $@)deps/test_api_$*.d -MT $@ -o $@ $< $(BUILD)/libgs.a $(API_TEST_LIBS)

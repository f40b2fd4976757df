# examples/embed/rules.mk — the embedding examples. Included from the
# top-level Makefile; tests/api/embed_examples.sh runs them.
#
#   make embed-examples    build $(BUILD)/examples/minimal, event_loop and host_loop
#
# They are built like a host would build them: plain C11 with only
# include/gs.h, linked with $(BUILD)/libgs.a, -luv, -lpcre2-8 and -lm (OPT and LDLIBS carry
# the sanitizer flags in `make test-asan`).

BUILD ?= build

EMBED_EXAMPLES := $(BUILD)/examples/minimal $(BUILD)/examples/event_loop $(BUILD)/examples/host_loop
EMBED_CFLAGS = $(OPT) -g -std=c11 -Wall -Wextra -Wpedantic -Iinclude
EMBED_LIBS = $(LDLIBS) $(if $(filter -lm,$(LDLIBS)),,-lm)

.PHONY: embed-examples
embed-examples: $(EMBED_EXAMPLES)

$(BUILD)/examples/%: examples/embed/%.c include/gs.h $(BUILD)/libgs.a
	@mkdir -p $(dir $@)
	$(CC) $(EMBED_CFLAGS) -o $@ $< $(BUILD)/libgs.a $(EMBED_LIBS)

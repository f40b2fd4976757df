# GreenScript build. `make` builds build/gs and build/libgs.a; `make test`
# runs everything. Missing build tools are installed with apt-get when we are
# root (or have sudo), otherwise we stop and print the command to run.

CC      ?= gcc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
# What every build needs whatever CFLAGS says (`make CC=clang CFLAGS='-O2 -g'`
# still builds): the language level, the warnings (WARN may be overridden, as
# CI does to add -Wshadow) and where the headers are.
GS_STD  := -std=gnu11
WARN    ?= -Wall -Wextra -Wno-unused-parameter
INTERNAL_DIRS := include coro vm compiler builtins api stdlib embed
INTERNAL_INC = $(addprefix -I,$(INTERNAL_DIRS)) -I$(BUILD)/gen
INC     = $(INTERNAL_INC)
COMPILE = $(CC) $(GS_STD) $(WARN) $(INC) $(CPPFLAGS) $(CFLAGS)
LDLIBS  += -luv -lpcre2-8 -lm
BUILD   ?= build
LEMON_TEMPLATE ?= /usr/share/lemon/lempar.c

# One folder per layer, each built on those listed before it
# (docs/internals.md): the context switch, the core VM, the front end, the
# core library, the C API, the optional libraries, the embedding facade.
CORO_SRC     := coro/coro.c coro/switch_x86_64.S
VM_SRC       := $(wildcard vm/*.c)
COMPILER_SRC := $(wildcard compiler/*.c)
BUILTINS_SRC := $(wildcard builtins/*.c)
API_SRC      := $(wildcard api/*.c)
STDLIB_SRC   := $(wildcard stdlib/*.c)
EMBED_SRC    := $(wildcard embed/*.c)
CLI_SRC      := $(wildcard cli/*.c)

LIB_SRC := $(CORO_SRC) $(VM_SRC) $(COMPILER_SRC) $(BUILTINS_SRC) $(API_SRC) $(STDLIB_SRC) $(EMBED_SRC)
LIB_OBJ := $(addprefix $(BUILD)/,$(addsuffix .o,$(basename $(LIB_SRC)))) \
           $(BUILD)/gen/lexer.o $(BUILD)/gen/grammar.o
CLI_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(CLI_SRC))

.PHONY: all tools clean test test-asan test-valgrind test-gcstress bench bench-io layers
all: tools $(BUILD)/gs $(BUILD)/libgs.a

# ---- build tools ---------------------------------------------------------
# Each check installs the Debian package when it can. The stamp keeps the
# check out of every incremental build.
APT_PKGS = re2c lemon libedit-dev libuv1-dev libpcre2-dev liblua5.4-dev lua5.4
tools: $(BUILD)/.tools-ok
$(BUILD)/.tools-ok:
	@mkdir -p $(BUILD)
	@missing=""; \
	command -v re2c >/dev/null 2>&1 || missing="$$missing re2c"; \
	command -v lemon >/dev/null 2>&1 && [ -f $(LEMON_TEMPLATE) ] || missing="$$missing lemon"; \
	[ -f /usr/include/histedit.h ] || [ -f /usr/include/editline/readline.h ] || missing="$$missing libedit-dev"; \
	[ -f /usr/include/uv.h ] || missing="$$missing libuv1-dev"; \
	[ -f /usr/include/pcre2.h ] || missing="$$missing libpcre2-dev"; \
	[ -f /usr/include/lua5.4/lua.h ] || missing="$$missing liblua5.4-dev"; \
	command -v lua5.4 >/dev/null 2>&1 || missing="$$missing lua5.4"; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing missing build tools:$$missing"; \
	  $(APT_INSTALL); \
	fi
	@touch $@

# Installs the Debian packages listed in the shell variable `missing`: as
# root, or with sudo when it needs no password; otherwise stops with the
# command to run.
APT_INSTALL = mkdir -p $(BUILD); \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else \
	  echo "make: cannot install as a normal user. Run:"; \
	  echo "    sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
	( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq$$missing ) >$(BUILD)/apt.log 2>&1 || { \
	  cat $(BUILD)/apt.log; echo "make: apt-get failed. Run:"; \
	  echo "    sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; }

# ---- generated front end --------------------------------------------------
$(BUILD)/gen/lexer.c: compiler/lexer.re $(BUILD)/gen/grammar.h | $(BUILD)/.tools-ok
	@mkdir -p $(dir $@)
	re2c -W --no-generation-date -o $@ $<

$(BUILD)/gen/grammar.c $(BUILD)/gen/grammar.h: compiler/grammar.y | $(BUILD)/.tools-ok
	@mkdir -p $(BUILD)/gen
	lemon -q -s -T$(LEMON_TEMPLATE) -d$(BUILD)/gen $< > $(BUILD)/gen/lemon.log 2>&1 || { cat $(BUILD)/gen/lemon.log; exit 1; }
	@cat $(BUILD)/gen/lemon.log
	@if grep -q "parsing conflict" $(BUILD)/gen/lemon.log; then echo "lemon: grammar has conflicts"; exit 1; fi
	@touch $(BUILD)/gen/grammar.c $(BUILD)/gen/grammar.h   # lemon leaves an unchanged header alone: it would stay out of date

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(COMPILE) -Wno-unused-variable -Wno-sign-compare -MMD -MP -c -o $@ $<

# ---- objects ----------------------------------------------------------------
# The optional libraries and the gs command are written over include/gs.h
# alone, like a host's: compiled with no other include path, so a reach into
# the VM's internals does not build (and gs links libgs.a, which exports
# nothing else).
PUBLIC_ONLY := $(basename $(STDLIB_SRC) $(CLI_SRC))
$(foreach f,$(PUBLIC_ONLY),$(BUILD)/$(f).o $(BUILD)/shared/$(f).o): INC = -Iinclude

$(BUILD)/%.o: %.c | $(BUILD)/gen/grammar.h
	@mkdir -p $(dir $@)
	$(COMPILE) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	$(COMPILE) -c -o $@ $<

# libgs.a holds one object: the library linked into one (ld -r) in which
# every symbol but the functions declared in include/gs.h is made local, so
# a host may define its own arg_count or class_new (tests/api/exports.sh
# checks it). What reaches inside (the C unit tests of internals) links
# libgs-internal.a: the same objects, nothing hidden.
$(BUILD)/libgs-internal.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/gs.syms: include/gs.h
	@mkdir -p $(BUILD)
	grep -oE '\bgs_[a-z0-9_]+\(' $< | tr -d '(' | sort -u > $@

$(BUILD)/libgs.o: $(LIB_OBJ) $(BUILD)/gs.syms
	$(LD) -r -o $@ $(LIB_OBJ)
	objcopy --keep-global-symbols=$(BUILD)/gs.syms $@

$(BUILD)/libgs.a: $(BUILD)/libgs.o
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/gs: $(CLI_OBJ) $(BUILD)/libgs.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libgs.a $(LDLIBS) -ledit

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- tests ------------------------------------------------------------------
include tests/c/rules.mk tests/api/rules.mk examples/embed/rules.mk bench/api/rules.mk fuzz/rules.mk
include packaging/rules.mk

CHECK_BINS = c-tests api-tests embed-examples

test: all $(CHECK_BINS) shared
	@tests/run

test-gcstress: all $(CHECK_BINS) shared
	@GS_GC_STRESS=1 tests/run

ASAN_FLAGS = -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ASAN_MAKE  = $(MAKE) BUILD=build/asan CC=clang OPT="$(ASAN_FLAGS)" LDLIBS="-luv -lpcre2-8 -lm -fsanitize=address,undefined"
test-asan:
	$(ASAN_MAKE) all $(CHECK_BINS)
	@GS_TIMEOUT=$${GS_TIMEOUT:-60} BUILD=build/asan GS=build/asan/gs ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp tests/run
	@$(MAKE) --no-print-directory fuzz-diff-slice

test-valgrind: all $(CHECK_BINS) shared
	@GS_VALGRIND=1 tests/run

# LuaJIT (its interpreter, -joff) is the benchmarks' second column; make test
# does not need it.
bench: all
	@command -v luajit >/dev/null 2>&1 || { missing=" luajit"; echo "make: installing luajit for the benchmarks"; $(APT_INSTALL); }
	@bench/run

# The I/O benchmarks beside Go and Node.js (bench/io/run, docs/benchmarks.md);
# make test does not need them.
bench-io: all
	@missing=""; \
	command -v go >/dev/null 2>&1 || missing="$$missing golang-go"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then echo "make: installing$$missing for bench-io"; $(APT_INSTALL); fi
	@bench/io/run

# the folder graph of the library (docs/internals.md); tests/layers/ checks it
layers: all
	@tests/layers/layers.sh --graph

clean:
	rm -rf build

# fuzz/rules.mk — libFuzzer harnesses. Included from the top-level Makefile:
#
#     include fuzz/rules.mk
#
#   make fuzz-build                  build build/fuzz/fuzz_{compile,run,json}
#   make fuzz FUZZ_SECONDS=N         build, seed, then run each harness N
#                                    seconds (default 60), one after the other
#   make fuzz-compile|fuzz-run|fuzz-json FUZZ_SECONDS=N   one harness
#   make fuzz-seed                   (re)create the seed corpora in fuzz/corpus/
#
# Everything is built with clang (FUZZ_CC) and -fsanitize=fuzzer,address,
# undefined into build/fuzz/ — the whole VM, the standard library and a
# lexer/grammar regenerated into build/fuzz/gen, so nothing is shared with the
# normal build. Fuzzers run under `nice -n 19` (FUZZ_NICE), one at a time.
# New corpus entries go to build/fuzz/corpus/NAME (fuzz/corpus/NAME holds the
# seeds and is only read); crashes, timeouts and leaks are written to
# build/fuzz/artifacts/NAME/ and each run's log to build/fuzz/logs/.
# docs/hardening.md describes the harnesses, the runs, and how to reproduce
# a finding (build/fuzz/fuzz_run FILE).

FUZZ_CC       ?= clang
FUZZ_DIR      ?= build/fuzz
FUZZ_SECONDS  ?= 60
FUZZ_NICE     ?= nice -n 19
FUZZ_TIMEOUT  ?= 10
FUZZ_RSS_MB   ?= 2048
# extra libFuzzer flags, e.g. FUZZ_FLAGS="-jobs=2 -workers=2" or -max_len=4096
FUZZ_FLAGS    ?=
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   ?= -O1 -g -fno-omit-frame-pointer
FUZZ_CFLAGS_ALL = $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
                  -fsanitize-coverage-ignorelist=fuzz/coverage-ignore.txt -std=gnu11 \
                  -Wall -Wno-unused-parameter -Wno-unused-function \
                  $(addprefix -I,$(INTERNAL_DIRS)) -I$(FUZZ_DIR)/gen
FUZZ_LEMON_TEMPLATE ?= /usr/share/lemon/lempar.c

FUZZ_NAMES    := compile run json
FUZZ_BINS     := $(addprefix $(FUZZ_DIR)/fuzz_,$(FUZZ_NAMES))
FUZZ_LIB_OBJ  := $(addprefix $(FUZZ_DIR)/obj/,$(addsuffix .o,$(basename $(LIB_SRC)))) \
                 $(FUZZ_DIR)/obj/gen/lexer.o $(FUZZ_DIR)/obj/gen/grammar.o

.PHONY: fuzz fuzz-build fuzz-seed $(addprefix fuzz-,$(FUZZ_NAMES))

fuzz-build: $(FUZZ_BINS)

# ---- generated front end (a private copy) ---------------------------------
$(FUZZ_DIR)/gen/grammar.c $(FUZZ_DIR)/gen/grammar.h: compiler/grammar.y
	@mkdir -p $(FUZZ_DIR)/gen
	lemon -q -s -T$(FUZZ_LEMON_TEMPLATE) -d$(FUZZ_DIR)/gen $< > $(FUZZ_DIR)/gen/lemon.log 2>&1 || { cat $(FUZZ_DIR)/gen/lemon.log; exit 1; }

$(FUZZ_DIR)/gen/lexer.c: compiler/lexer.re $(FUZZ_DIR)/gen/grammar.h
	@mkdir -p $(FUZZ_DIR)/gen
	re2c -W --no-generation-date -o $@ $<

# ---- objects ----------------------------------------------------------------
$(FUZZ_DIR)/obj/gen/%.o: $(FUZZ_DIR)/gen/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS_ALL) -Wno-unused-variable -Wno-sign-compare -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/%.o: %.c $(FUZZ_DIR)/gen/grammar.h fuzz/coverage-ignore.txt
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/libgs-fuzz.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_util.h $(FUZZ_DIR)/libgs-fuzz.a
	$(FUZZ_CC) $(FUZZ_CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(FUZZ_DIR)/libgs-fuzz.a -luv -lpcre2-8 -lm -lpthread

# ---- seeds --------------------------------------------------------------------
fuzz-seed:
	@fuzz/seed.sh

fuzz/corpus/compile/.seeded:
	@fuzz/seed.sh

# ---- running --------------------------------------------------------------------
# $(call fuzz_one,NAME): run one harness for FUZZ_SECONDS, log to a dated
# file, print the summary lines; the shell status is libFuzzer's (non-zero
# when it found something).
define fuzz_one
mkdir -p $(FUZZ_DIR)/corpus/$(1) $(FUZZ_DIR)/artifacts/$(1) $(FUZZ_DIR)/logs; \
log=$(FUZZ_DIR)/logs/$(1)-$$(date +%Y%m%d-%H%M%S).log; \
echo "fuzz: $(1) for $(FUZZ_SECONDS)s (log: $$log)"; \
$(FUZZ_NICE) $(FUZZ_DIR)/fuzz_$(1) -max_total_time=$(FUZZ_SECONDS) \
  -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) -print_final_stats=1 \
  $(if $(wildcard fuzz/$(1).dict),-dict=fuzz/$(1).dict) \
  -artifact_prefix=$(FUZZ_DIR)/artifacts/$(1)/ $(FUZZ_FLAGS) \
  $(FUZZ_DIR)/corpus/$(1) fuzz/corpus/$(1) </dev/null >$$log 2>&1; \
st=$$?; grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|#[0-9]+: cov|stat::|==[0-9]+==ERROR|SUMMARY|Test unit written|INFO: fuzzed for|INFO: exiting)' $$log | tail -n 15; \
[ $$st = 0 ]
endef

# One harness: make fuzz-NAME. Fails when libFuzzer found something.
$(addprefix fuzz-,$(FUZZ_NAMES)): fuzz-%: $(FUZZ_DIR)/fuzz_% fuzz/corpus/compile/.seeded
	@$(call fuzz_one,$*)

# All harnesses, one after the other (each FUZZ_SECONDS); keeps going after
# a finding and fails at the end if any harness found something.
fuzz: $(FUZZ_BINS) fuzz/corpus/compile/.seeded
	@rc=0; \
	$(foreach n,$(FUZZ_NAMES),{ $(call fuzz_one,$(n)); } || rc=1;) \
	exit $$rc

# ---- differential fuzzer: generated programs under every build ------------
#   make fuzz-diff N=1000 [SEED=1] [FUZZ_DIFF_JOBS=2]
# builds the release and the ASan+UBSan (build/asan) interpreters and
# build/fuzz-diff/gen_program, then runs fuzz/diff.sh (see its header and
# docs/hardening.md): findings go to build/fuzz-diff/findings/.
FUZZ_DIFF_DIR  ?= build/fuzz-diff
FUZZ_DIFF_JOBS ?= 2
N              ?= 100
SEED           ?= 1

.PHONY: fuzz-diff fuzz-diff-build

$(FUZZ_DIFF_DIR)/gen_program: fuzz/gen_program.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -std=gnu11 -Wall -Wextra -o $@ $<

fuzz-diff-build: all $(FUZZ_DIFF_DIR)/gen_program
	@$(ASAN_MAKE) all

fuzz-diff: fuzz-diff-build
	@OUT=$(FUZZ_DIFF_DIR) $(FUZZ_NICE) fuzz/diff.sh -n $(N) -s $(SEED) -j $(FUZZ_DIFF_JOBS)

# The slice `make test-asan` runs: seeds 1..FUZZ_SLICE_N, every mode but
# valgrind, into its own directory. A finding fails the target.
FUZZ_SLICE_N ?= 200

.PHONY: fuzz-diff-slice
fuzz-diff-slice: fuzz-diff-build
	@OUT=$(FUZZ_DIFF_DIR)/slice MODES="rel asan gc heap stack" MINIMIZE_SECONDS=60 \
	  fuzz/diff.sh -n $(FUZZ_SLICE_N) -s 1 -j 2

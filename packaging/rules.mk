# packaging/rules.mk — the shared library and `make install` / `make uninstall`.
# Included from the top-level Makefile.
#
#   make shared       build/libgs.so.$(GS_LIB_VERSION) (soname libgs.so.$(GS_SO_MAJOR))
#                     from position-independent objects in build/shared/;
#                     it exports only the functions declared in include/gs.h
#                     (a linker version script made from the header)
#   make install      PREFIX (default /usr/local) and DESTDIR (staging root):
#                     bin/gs, include/gs.h, lib/libgs.a, lib/libgs.so*,
#                     lib/pkgconfig/gs.pc, share/man/man1/gs.1
#   make uninstall    removes exactly those files

GS_LIB_VERSION = 0.2.0
GS_SO_MAJOR    = 0
PREFIX        ?= /usr/local
BINDIR        ?= $(PREFIX)/bin
INCLUDEDIR    ?= $(PREFIX)/include
LIBDIR        ?= $(PREFIX)/lib
PKGCONFIGDIR  ?= $(LIBDIR)/pkgconfig
MANDIR        ?= $(PREFIX)/share/man
INSTALL       ?= install

SO_NAME   = libgs.so.$(GS_SO_MAJOR)
SO_FILE   = libgs.so.$(GS_LIB_VERSION)
PIC_OBJ  := $(patsubst $(BUILD)/%,$(BUILD)/shared/%,$(LIB_OBJ))

.PHONY: shared install uninstall
shared: $(BUILD)/$(SO_FILE)

$(BUILD)/shared/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(COMPILE) -fPIC -Wno-unused-variable -Wno-sign-compare -MMD -MP -c -o $@ $<

$(BUILD)/shared/%.o: %.S
	@mkdir -p $(dir $@)
	$(COMPILE) -fPIC -c -o $@ $<

$(BUILD)/shared/%.o: %.c | $(BUILD)/gen/grammar.h
	@mkdir -p $(dir $@)
	$(COMPILE) -fPIC -MMD -MP -c -o $@ $<

# The version script: the functions of the public header (gs.syms, as for
# libgs.a), nothing else; internal functions named gs_* stay local too.
$(BUILD)/libgs.map: $(BUILD)/gs.syms packaging/rules.mk
	{ echo 'GS_$(GS_SO_MAJOR) {'; echo '  global:'; sed 's/.*/    &;/' $<; \
	  echo '  local:'; echo '    *;'; echo '};'; } > $@

$(BUILD)/$(SO_FILE): $(PIC_OBJ) $(BUILD)/libgs.map
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SO_NAME) -Wl,--version-script=$(BUILD)/libgs.map \
	  -Wl,-z,noexecstack -o $@ $(PIC_OBJ) $(LDLIBS)
	ln -sf $(SO_FILE) $(BUILD)/$(SO_NAME)
	ln -sf $(SO_NAME) $(BUILD)/libgs.so

$(BUILD)/gs.pc: packaging/gs.pc.in packaging/rules.mk
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(GS_LIB_VERSION)|' $< > $@

# gs.pc records PREFIX: rebuild it whenever we install
install: all shared
	@rm -f $(BUILD)/gs.pc
	@$(MAKE) --no-print-directory $(BUILD)/gs.pc PREFIX=$(PREFIX) LIBDIR=$(LIBDIR) INCLUDEDIR=$(INCLUDEDIR)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR) \
	  $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 755 $(BUILD)/gs $(DESTDIR)$(BINDIR)/gs
	$(INSTALL) -m 644 include/gs.h $(DESTDIR)$(INCLUDEDIR)/gs.h
	$(INSTALL) -m 644 $(BUILD)/libgs.a $(DESTDIR)$(LIBDIR)/libgs.a
	$(INSTALL) -m 755 $(BUILD)/$(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_FILE)
	ln -sf $(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	ln -sf $(SO_NAME) $(DESTDIR)$(LIBDIR)/libgs.so
	$(INSTALL) -m 644 $(BUILD)/gs.pc $(DESTDIR)$(PKGCONFIGDIR)/gs.pc
	$(INSTALL) -m 644 packaging/gs.1 $(DESTDIR)$(MANDIR)/man1/gs.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gs $(DESTDIR)$(INCLUDEDIR)/gs.h $(DESTDIR)$(LIBDIR)/libgs.a \
	  $(DESTDIR)$(LIBDIR)/$(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME) $(DESTDIR)$(LIBDIR)/libgs.so \
	  $(DESTDIR)$(PKGCONFIGDIR)/gs.pc $(DESTDIR)$(MANDIR)/man1/gs.1

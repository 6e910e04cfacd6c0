# pdfgen: one XML programme in, booklet, door signs and badges out.
#
#   make            build build/pdfgen
#   make demo       install missing packages, build, render input/programme.xml into output/
#   make test       unit tests and end-to-end tests under ASan/UBSan, then valgrind
#   make bench      speed, memory and size against reportlab and bare libharu
#   make fuzz       run each fuzz target for a bounded time (clang, libFuzzer)
#   make install    PREFIX=/usr/local DESTDIR=

# === CONFIGURATION ===

VERSION		= 0.1.0
PREFIX		?= /usr/local
BINDIR		= $(PREFIX)/bin
DATADIR		= $(PREFIX)/share/pdfgen
MANDIR		= $(PREFIX)/share/man
CC		?= cc
CFLAGS		?= -O2 -g
PKGS		= libxml-2.0 fontconfig freetype2 libqrencode libpng libjpeg icu-uc \
		  icu-i18n libcmark
PKG_CFLAGS	:= $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS	:= $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN		= -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
		  -Wwrite-strings -Wshadow
DEFS		= -std=c11 -D_POSIX_C_SOURCE=200809L \
		  -DPDFGEN_VERSION='"$(VERSION)"' -DPDFGEN_DATADIR='"$(DATADIR)"'
ALL_CFLAGS	= $(DEFS) $(WARN) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
LIBS		= $(PKG_LIBS) -lhpdf -lhyphen -ldeflate -lz -lm
# build/pdfgen takes into itself the libraries Debian has archives of:
# loading twenty shared libraries cost every run 5 ms (pdfgen --help 11 ->
# 6 ms), and calls through their tables more (the example programme's
# "all" 81 -> 71 ms).  libharu (no archive) and what it loads itself stay
# shared; the test programs link everything shared, which is quicker to
# link.  STATIC=no, or an archive missing, links build/pdfgen shared too.
ARCHIVES	= xml2 fontconfig freetype jpeg cmark hyphen deflate expat \
		  brotlidec brotlicommon lzma icui18n icuuc icudata stdc++
STATIC_LIBS	= -Wl,-Bstatic $(ARCHIVES:%=-l%) -Wl,-Bdynamic -lqrencode \
		  -lhpdf -lpng16 -lz -lm -lpthread -ldl
STATIC		?= $(if $(shell for l in $(ARCHIVES); do \
		  test -f "$$($(CC) -print-file-name=lib$$l.a)" || echo no; \
		  done),no,yes)
PDFGEN_LIBS	= $(if $(filter yes,$(STATIC)),$(STATIC_LIBS),$(LIBS))
SANITIZE	= -fsanitize=address,undefined -fno-sanitize-recover=all \
		  -fno-omit-frame-pointer

-include config.mk

# === LIST OF FILES ===

SRC		= $(wildcard pdfgen/*.c)
LIB_SRC		= $(filter-out pdfgen/main.c,$(SRC))
OBJ		= $(SRC:pdfgen/%.c=build/%.o) build/schema.o
TEST_LIB_OBJ	= $(LIB_SRC:pdfgen/%.c=build/test/%.o) build/test/schema.o
UNIT_SRC	= $(wildcard tests/test_*.c)
UNIT_BIN	= $(UNIT_SRC:tests/%.c=build/test/%)
LAYOUTS		= $(wildcard layouts/*.xml layouts/*.xsd)
MAN1		= pdfgen/pdfgen.1
MAN5		= pdfgen/pdfgen-layout.5 pdfgen/pdfgen-programme.5

.PHONY: all demo test unit e2e valgrind deps bench fuzz install uninstall clean

# === BUILD ===

all: build/pdfgen

build/pdfgen: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $(OBJ) $(PDFGEN_LIBS)

build/%.o: pdfgen/%.c | build/.dir
	@pkg-config --exists $(PKGS) && test -f /usr/include/hpdf.h && \
	  test -f /usr/include/hyphen.h || { \
	  echo "pdfgen: missing libraries; run 'make deps' or:"; \
	  .ci/install-deps --print; exit 1; }
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The schemas are compiled in, so validation needs no file at run time.
build/schema.c: input/programme.xsd layouts/layout.xsd tests/embed.sh | build/.dir
	sh tests/embed.sh programme_xsd < input/programme.xsd > $@
	sh tests/embed.sh layout_xsd < layouts/layout.xsd >> $@

build/schema.o: build/schema.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The hyphenation automata are built from the installed patterns once, here,
# and compiled in by pdfgen/hyphdata.c: no cache at run time.
build/mkhyph: tests/mkhyph.c pdfgen/hyphenate.c pdfgen/hyphenate.h \
    pdfgen/selfmap.c pdfgen/util.c | build/.dir
	$(CC) $(ALL_CFLAGS) -Ipdfgen -o $@ tests/mkhyph.c pdfgen/hyphenate.c \
	  pdfgen/selfmap.c pdfgen/util.c $(LIBS)

build/hyph_de.bin build/hyph_en.bin: build/mkhyph
	build/mkhyph $(@:build/hyph_%.bin=%) $@

build/hyphdata.o build/test/hyphdata.o: build/hyph_de.bin build/hyph_en.bin

# fontconfig's answers for the fallback families, written down here and
# compiled in by pdfgen/fontdata.c; a run uses them while the fonts,
# fontconfig's configuration and the environment are as they were
# (pdfgen/fontanswers.h).  Asked at every make, the file is rewritten, and
# compiled in again, only when that changed.
build/mkfonts: tests/mkfonts.c pdfgen/font.c pdfgen/fontanswers.c \
    pdfgen/fontanswers.h pdfgen/font.h pdfgen/diag.c pdfgen/util.c \
    | build/.dir
	$(CC) $(ALL_CFLAGS) -Ipdfgen -o $@ tests/mkfonts.c pdfgen/font.c \
	  pdfgen/fontanswers.c pdfgen/diag.c pdfgen/util.c $(LIBS)

build/fonts.txt: build/mkfonts FORCE
	@build/mkfonts $@.new && { cmp -s $@.new $@ && rm $@.new || \
	  mv $@.new $@; }

FORCE:

build/fontdata.o build/test/fontdata.o: build/fonts.txt

build/.dir build/test/.dir:
	mkdir -p $(@D) && touch $@

# === SET-UP AND DEMO ===

deps:
	.ci/install-deps

demo: deps
	$(MAKE) all
	build/pdfgen all -o output input/programme.xml
	@ls -l output/*.pdf

# === TESTS ===

# The test build fails on a warning, so that "make test" keeps the code
# -Wall -Wextra clean.
build/test/%.o: pdfgen/%.c | build/test/.dir
	$(CC) $(ALL_CFLAGS) -O1 -Werror $(SANITIZE) -c -o $@ $<

build/test/schema.o: build/schema.c | build/test/.dir
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/test/pdfgen: build/test/main.o $(TEST_LIB_OBJ)
	$(CC) $(SANITIZE) -o $@ build/test/main.o $(TEST_LIB_OBJ) $(LIBS)

build/test/test_%: tests/test_%.c $(TEST_LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -O1 -Werror $(SANITIZE) -Ipdfgen -o $@ $< $(TEST_LIB_OBJ) \
	  $(LIBS) $$(pkg-config --libs cmocka)

# The build on every processor, then the tests (the e2e runner runs its
# tests side by side itself).
NPROC		:= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

test: deps
	$(MAKE) -j$(NPROC) build/pdfgen build/test/pdfgen $(UNIT_BIN)
	$(MAKE) unit e2e valgrind

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

e2e: build/test/pdfgen build/pdfgen
	@PDFGEN=build/test/pdfgen sh tests/run-e2e.sh

valgrind: build/pdfgen
	@sh tests/valgrind.sh build/pdfgen

# Not part of test: it takes minutes and measures, it does not check.
bench:
	.ci/install-deps bench
	sh tests/bench/run.sh

# Not part of test either: it runs each target FUZZ_SECONDS (default 60).
FUZZ_BIN	= $(patsubst tests/fuzz/%.c,build/fuzz/%,\
		  $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS	= -g -O1 -fsanitize=fuzzer,address,undefined \
		  -fno-sanitize-recover=undefined -fno-omit-frame-pointer

fuzz:
	.ci/install-deps fuzz
	@mkdir -p build/fuzz
	$(MAKE) $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(FUZZ_BIN)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h \
    tests/fuzz/fuzz_programme.c $(LIB_SRC) build/schema.c \
    build/hyph_de.bin build/hyph_en.bin build/fonts.txt
	clang $(DEFS) $(WARN) $(PKG_CFLAGS) $(FUZZ_FLAGS) -Ipdfgen -o $@ \
	  $< $(LIB_SRC) build/schema.c $(LIBS)

# === INSTALL ===

install: build/pdfgen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/layouts \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 build/pdfgen $(DESTDIR)$(BINDIR)/pdfgen
	install -m 644 $(LAYOUTS) $(DESTDIR)$(DATADIR)/layouts/
	install -m 644 input/programme.xsd $(DESTDIR)$(DATADIR)/programme.xsd
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pdfgen
	rm -f $(MAN1:pdfgen/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN5:pdfgen/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

-include $(wildcard build/*.d build/test/*.d)

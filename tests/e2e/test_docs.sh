# The manual pages: clean under mandoc -Tlint, installed where man(1)
# finds them, and they name every command and option the binary has.

MANPAGES="pdfgen/pdfgen.1 pdfgen/pdfgen-layout.5 pdfgen/pdfgen-programme.5"

# Not a word from mandoc, at any level: the pages cross-reference each
# other, so they are linted from a manual tree of their own.
t_man_pages_lint_clean() {
	mkdir -p "$T/man/man1" "$T/man/man5"
	for m in $MANPAGES; do
		cp "$m" "$T/man/man${m##*.}/"
	done
	makewhatis "$T/man" || fail "makewhatis" || return 1
	for m in $MANPAGES; do
		mandoc -Tlint -W style -m "$T/man" "$m" > "$T/lint" 2>&1 ||
			{ cat "$T/lint"; fail "mandoc -Tlint: $m"; } || return 1
		[ ! -s "$T/lint" ] || { cat "$T/lint"; fail "mandoc says"; }
	done
}

# make install puts the binary, the layouts and the pages in PREFIX.
t_install_puts_man_pages() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s install \
	    DESTDIR="$T/root" PREFIX=/usr > "$T/log" 2>&1 ||
		{ cat "$T/log"; fail "make install"; } || return 1
	for f in bin/pdfgen share/man/man1/pdfgen.1 \
	    share/man/man5/pdfgen-layout.5 share/man/man5/pdfgen-programme.5 \
	    share/pdfgen/layouts/badges-90x55.xml share/pdfgen/programme.xsd; do
		[ -f "$T/root/usr/$f" ] || fail "not installed: $f" || return 1
	done
	mandoc -Tascii "$T/root/usr/share/man/man5/pdfgen-layout.5" | sed "s/.\x08//g" |
		grep -q "layout file format of pdfgen" ||
		fail "pdfgen-layout(5) unreadable"
}

# Every command and option of --help is in pdfgen(1).
t_man_page_has_every_option() {
	run 0 "$PDFGEN" --help || return 1
	mandoc -Tascii pdfgen/pdfgen.1 | sed "s/.\x08//g" > "$T/man"
	for o in $(grep -o -- '--[a-z][a-z-]*' "$T/out" | sort -u); do
		contains "$T/man" "$o" || return 1
	done
	for c in $(sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' "$T/out"); do
		contains "$T/man" "$c" || return 1
	done
}

# A new product is one file and one row: the test product in tests/product/
# (greeting.c, its row for render.c with the prototype for render.h, and
# its layout file) added to a copy of the source tree makes a command with
# its help, its option, its default layout, the layout checks of its kind
# and its PDF, and "all" renders it too.

# greeting_tree: builds $T/src/build/pdfgen, the sources with the test
# product added, and checks that nothing else was changed.
greeting_tree() {
	s=$T/src
	mkdir -p "$s/build" "$s/tests" || return 1
	cp -pR Makefile pdfgen layouts input .ci "$s/" || return 1
	cp -p tests/embed.sh tests/mkhyph.c tests/mkfonts.c "$s/tests/" ||
	    return 1
	# The objects of the tree under test, so only what changed is built.
	for f in build/*.o build/*.d build/schema.c build/.dir build/mkfonts \
	    build/fonts.txt; do
		[ -e "$f" ] && cp -p "$f" "$s/build/"
	done
	cp tests/product/greeting.c "$s/pdfgen/" || return 1
	cp tests/product/greeting.xml "$s/layouts/" || return 1
	awk -v row="$(cat tests/product/render.c.row)" \
	    '/^\t{ NULL, NULL, LAYOUT_KIND__MAX/ { print row } { print }' \
	    pdfgen/render.c > "$s/pdfgen/render.c" || return 1
	awk -v row="$(cat tests/product/render.h.row)" \
	    '/^struct product \{/ { print row; print "" } { print }' \
	    pdfgen/render.h > "$s/pdfgen/render.h" || return 1
	# What the copy adds: the product's file, its layout, its row.
	diff -r pdfgen "$s/pdfgen" > "$T/diff"
	[ "$(grep -c '^> ' "$T/diff")" -eq \
	    "$(($(wc -l < tests/product/render.c.row) + \
	    $(wc -l < tests/product/render.h.row) + 1))" ] ||
		{ cat "$T/diff"; fail "the copy has other changes"; } || return 1
	! grep -q '^< ' "$T/diff" || fail "the copy removed lines" || return 1
	[ "$(grep -c '^Only in' "$T/diff")" -eq 1 ] ||
		fail "the copy has other new files" || return 1
	# Not the jobs of a make that runs the tests; what changed is built
	# unoptimised, which takes half the time and warns alike.
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL nice make -s -C "$s" \
	    CFLAGS="-O0 -g" build/pdfgen > "$T/build.log" 2>&1 ||
		{ cat "$T/build.log"; fail "the copy does not build"; } ||
		return 1
	! grep -q 'warning' "$T/build.log" ||
		{ cat "$T/build.log"; fail "warnings"; }
}

t_product_is_one_file_and_one_row() {
	greeting_tree || return 1
	g=$T/src/build/pdfgen
	run 0 "$g" --help || return 1
	contains "$T/out" "  greeting   write DIR/greeting.pdf, a page that greets the conference" || return 1
	contains "$T/out" "  --motto TEXT      greeting: a line under the title" || return 1
	# Its default layout, from the copy's layouts/.
	(cd "$T/src" && build/pdfgen greeting -o "$T/o" --motto "Herzlich willkommen" \
	    "$TOP/input/programme.xml") >"$T/out" 2>"$T/err" ||
		{ cat "$T/err"; fail "greeting failed"; } || return 1
	[ ! -s "$T/err" ] || { cat "$T/err"; fail "messages"; } || return 1
	pdf_ok "$T/o/greeting.pdf" || return 1
	[ "$(pages "$T/o/greeting.pdf")" -eq 1 ] || fail "not one page" || return 1
	pdftotext "$T/o/greeting.pdf" "$T/text" || return 1
	contains "$T/text" "Kongress Digitale" || return 1
	contains "$T/text" "Verwaltung NRW" || return 1
	contains "$T/text" "Herzlich willkommen" || return 1
	# "all" renders every product of the table, the new one too.
	(cd "$T/src" && build/pdfgen all -o "$T/all" "$TOP/input/programme.xml") ||
		fail "all failed" || return 1
	[ "$(ls "$T/all")" = "badges.pdf
booklet.pdf
greeting.pdf
poster.pdf
signs.pdf" ] || fail "all wrote: $(ls "$T/all" | tr '\n' ' ')"
}

# The layout checks of its kind and its styles, from its row.
t_product_layout_checks() {
	greeting_tree || return 1
	g=$T/src/build/pdfgen
	run 1 "$g" greeting -o "$T/o" --layout layouts/badges-90x55.xml \
	    input/programme.xml || return 1
	contains "$T/err" "layouts/badges-90x55.xml: error: this is a layout for badges, not for greeting" || return 1
	sed 's|<styles>|<type-area top="1cm" bottom="1cm" inner="1cm" outer="1cm"/><styles>|;
	    /name="motto"/d' tests/product/greeting.xml > "$T/bad.xml"
	run 1 "$g" greeting -o "$T/o" --layout "$T/bad.xml" input/programme.xml || return 1
	contains "$T/err" "$T/bad.xml:8:3: error: <type-area> is not used by greeting layouts" || return 1
	contains "$T/err" "error: greeting layouts need a style 'motto'" || return 1
	[ ! -e "$T/o/greeting.pdf" ] || fail "greeting.pdf written"
}

# Hardening: a failing run never harms an earlier PDF nor leaves a
# temporary file; pathological but valid input is printed; exit codes are
# what --help says.  How fast and in how much memory such input is printed
# is measured by make bench (tests/bench/run.sh), not here.
# Programmes are made by tests/hardening/gen.sh.

. tests/hardening/gen.sh

# good_badges DIR: a first, good run that writes DIR/badges.pdf, kept as
# $T/before.pdf to compare with after a failing run.
good_badges() {
	run 0 "$PDFGEN" badges -o "$1" input/programme.xml || return 1
	cp "$1/badges.pdf" "$T/before.pdf"
}

# intact DIR: DIR/badges.pdf is byte for byte the earlier one and DIR holds
# nothing else but what $2 lists (ls -A, space separated).
intact() {
	cmp "$T/before.pdf" "$1/badges.pdf" || fail "$1/badges.pdf changed" ||
		return 1
	[ "$(ls -A "$1" | tr '\n' ' ')" = "${2:-badges.pdf} " ] ||
		fail "left behind in $1: $(ls -A "$1" | tr '\n' ' ')"
}

t_atomic_bad_input() {
	good_badges "$T/o" || return 1
	run 1 "$PDFGEN" badges -o "$T/o" tests/bad/truncated.xml || return 1
	contains "$T/err" "pdfgen: 1 error in 'tests/bad/truncated.xml'; nothing written" &&
	intact "$T/o"
}

# The output folder is a regular file: nothing can be written below it.
t_atomic_folder_is_a_file() {
	echo keep > "$T/file"
	run 3 "$PDFGEN" all -o "$T/file" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: cannot write to the output folder '$T/file': Not a directory" ||
		return 1
	[ "$(cat "$T/file")" = keep ] || fail "$T/file changed"
}

t_atomic_output_is_a_directory() {
	mkdir -p "$T/o/badges.pdf/inside"
	run 3 "$PDFGEN" badges -o "$T/o" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: cannot write '$T/o/badges.pdf': Is a directory" ||
		return 1
	[ "$(ls -A "$T/o" "$T/o/badges.pdf" | tr '\n' ' ')" = \
	    "$T/o: badges.pdf  $T/o/badges.pdf: inside " ] ||
		fail "left behind: $(ls -A "$T/o" "$T/o/badges.pdf")"
}

# with_tmpfs SIZE FUNCTION: runs FUNCTION with a fresh tmpfs of SIZE at
# $T/m, unmounted when the test ends.  Without the right to mount it says so and
# passes: "skipped" lines are shown by tests/run-e2e.sh.
with_tmpfs() {
	mkdir "$T/m"
	if ! mount -t tmpfs -o size="$1" tmpfs "$T/m" 2>/dev/null; then
		echo "skipped: $2 (cannot mount a tmpfs here)"
		return 0
	fi
	# At the end of the test, passed or failed (tests/run-e2e.sh runs
	# each test in its own subshell).
	trap 'umount "$T/m"' EXIT
	"$2"
}

# A full disk: the earlier PDF fits, the new one finds no space left.
full_disk() {
	good_badges "$T/m" || return 1
	dd if=/dev/zero of="$T/m/fill" bs=4k 2>/dev/null || true	# until full
	run 3 "$PDFGEN" badges -o "$T/m" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: cannot write '$T/m/badges.pdf': No space left on device" &&
	intact "$T/m" "badges.pdf fill"
}

t_atomic_full_disk() {
	with_tmpfs 1m full_disk
}

# A folder that cannot be written: read-only (chmod does not stop root).
read_only() {
	good_badges "$T/m" || return 1
	mount -o remount,ro "$T/m" || fail "remount read-only" || return 1
	run 3 "$PDFGEN" badges -o "$T/m" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: cannot write to the output folder '$T/m': Read-only file system" &&
	intact "$T/m"
}

t_atomic_unwritable_folder() {
	if [ "$(id -u)" -ne 0 ]; then
		good_badges "$T/o" || return 1
		chmod 555 "$T/o"
		run 3 "$PDFGEN" badges -o "$T/o" input/programme.xml || return 1
		chmod 755 "$T/o"
		expect_file "$T/err" "pdfgen: error: cannot write to the output folder '$T/o': Permission denied" &&
		intact "$T/o"
	else
		with_tmpfs 1m read_only
	fi
}

# all_ok DIR: the products are there and valid.
all_ok() {
	for p in booklet signs badges poster; do
		[ -f "$1/$p.pdf" ] || fail "no $1/$p.pdf" || return 1
		pdf_ok "$1/$p.pdf" || return 1
	done
}

# text_of DIR: the text of the products, in $T/text.
text_of() {
	for p in booklet signs badges poster; do
		pdftotext "$1/$p.pdf" -
	done > "$T/text"
}

# A 10,000-letter name, a 10,000-letter title (a word longer than any
# line) and a description of one such word: printed, cut with a warning
# where a box is too small.
t_long_name_and_words() {
	word=$(repeat 10000 a)
	programme Anna "$word" "Titel $word" "Text $word Ende" > "$T/in.xml"
	run 0 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	all_ok "$T/o" || return 1
	contains "$T/err" "$T/in.xml:7:5: warning: " || return 1
	# Messages quote such texts abbreviated, not 10,000 letters long.
	awk 'length($0) > 1000 { bad = 1 } END { exit bad }' "$T/err" ||
		fail "a message line is over 1000 characters" || return 1
	text_of "$T/o"
	contains "$T/text" "Ende" && contains "$T/text" "aaaaaaaaaaaaaaaaaaaa"
}

t_one_megabyte_description() {
	programme Anna Weiß Titel "$(repeat 15200 'Verwaltung digital gestalten mit Bürgerinnen, Ämtern und Kommunen. ')" > "$T/in.xml"
	[ "$(wc -c < "$T/in.xml")" -gt 1048576 ] || fail "input too small" ||
		return 1
	run 0 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	all_ok "$T/o" || return 1
	[ "$(pages "$T/o/booklet.pdf")" -gt 300 ] ||
		fail "booklet has $(pages "$T/o/booklet.pdf") pages"
}

# 5,000 forums at the same time, each in its own room.  Rendered by the
# release binary $PDFGEN_RELEASE (under the sanitizers it takes minutes),
# and checked by page counts and the text of the last pages (pdffonts and
# qpdf take minutes on 5,000 pages).
t_five_thousand_forums() {
	many_forums 5000 > "$T/in.xml"
	run 0 "$PDFGEN_RELEASE" all -o "$T/o" "$T/in.xml" || return 1
	pdf_ok "$T/o/badges.pdf" || return 1
	[ "$(pages "$T/o/signs.pdf")" -eq 5000 ] ||
		fail "signs.pdf has $(pages "$T/o/signs.pdf") pages" || return 1
	pdftotext -f 5000 -l 5000 "$T/o/signs.pdf" "$T/sign"
	contains "$T/sign" "Forum 5000" || return 1
	contains "$T/sign" "Raum 5000" || return 1
	n=$(pages "$T/o/booklet.pdf")
	[ "$n" -gt 500 ] || fail "booklet.pdf has $n pages" || return 1
	pdftotext -f $((n - 10)) -l "$n" "$T/o/booklet.pdf" "$T/booklet"
	contains "$T/booklet" "Forum über Thema 5000"
}

# Text that is only white space is no text: the schema says so.
t_only_whitespace() {
	programme Anna "   " Titel Text > "$T/in.xml"
	run 1 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:7:40: error: <family> is empty or only white space
pdfgen: 1 error in '$T/in.xml'; nothing written" || return 1
	[ -z "$(ls -A "$T/o" 2>/dev/null)" ] || fail "files written"
	# Empty, and tabs and line breaks only: the same, each reported.
	programme Anna Weiß "" "$(printf '\t\n  ')" > "$T/in.xml"
	run 1 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:11:7: error: <title> is empty or only white space
$T/in.xml:12:20: error: <p> is empty or only white space
pdfgen: 2 errors in '$T/in.xml'; nothing written" || return 1
	programme Anna Weiß Titel Text | sed 's|<title>Titel</title>|&<host logo=" ">Firma</host>|' > "$T/in.xml"
	run 1 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:11:27: error: <host>, attribute 'logo' is empty or only white space
pdfgen: 1 error in '$T/in.xml'; nothing written"
}

# Hebrew and Arabic are kept (DejaVu Sans has them: no warning), and so
# are combining accents.  pdftotext gives right-to-left words in either
# order, so each word is looked for both ways; Arabic is drawn in its
# joined presentation forms, which NFKC maps back to the letters.
t_right_to_left_and_combining() {
	programme "דוד" "عبد" "שלום e&#x301;te&#x301; n&#x303;o" Text > "$T/in.xml"
	run 0 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	# Set by ICU's bidi algorithm: nothing to warn about.
	lacks "$T/err" "left to right" || return 1
	lacks "$T/err" "no font has" || return 1
	all_ok "$T/o" || return 1
	text_of "$T/o"
	python3 -c 'import sys, unicodedata; t = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[1], "w", encoding="utf-8").write(unicodedata.normalize("NFKC", t))' "$T/text"
	for w in "דוד" "عبد" "שלום"; do
		r=$(printf '%s' "$w" | python3 -c 'import sys; print(sys.stdin.read()[::-1])')
		grep -qF -e "$w" -e "$r" "$T/text" || fail "'$w' not in the PDFs" ||
			return 1
	done
	python3 - "$T/text" <<'PY' || fail "accents lost"
import sys, unicodedata
t = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read())
sys.exit(not ("été" in t and "ño" in t))
PY
}

# Zero-width and control characters never reach the PDF; each is named
# once, however many products print the text.
t_invisible_characters_removed() {
	programme Anna Weiß Titel "a&#x200B;b&#x200D;c&#xFEFF;d&#x9B;e&#x200E;f&#x85;g Text" > "$T/in.xml"
	run 0 "$PDFGEN" all -o "$T/o" "$T/in.xml" || return 1
	for cp in 200B 200D FEFF 009B 200E 0085; do
		contains "$T/err" "$T/in.xml:10:5: warning: removed invisible character U+$cp from forum.description" ||
			return 1
		[ "$(grep -c "U+$cp" "$T/err")" = 1 ] ||
			fail "U+$cp not reported once" || return 1
	done
	all_ok "$T/o" || return 1
	text_of "$T/o"
	contains "$T/text" "abcdefg Text" || return 1
	python3 - "$T/text" <<'PY' || fail "invisible characters in the PDFs"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
bad = [c for c in t if c in "\u200b\u200d\ufeff\x9b\u200e\x85"]
sys.exit(1 if bad else 0)
PY
	run 1 "$PDFGEN" all --strict -o "$T/s" "$T/in.xml"
}

# Exit codes as --help documents them: 0 ok, 1 input, 2 usage, 3 output.
t_exit_codes() {
	run 0 "$PDFGEN" --help || return 1
	contains "$T/out" "Exit status: 0 ok, 1 problems in the input, 2 usage, 3 output or system" || return 1
	contains README.md "Exit status: **0** ok, **1** problems in the input, **2** usage error," ||
		return 1
	contains README.md "**3** output or system failure" || return 1
	run 0 "$PDFGEN" check input/programme.xml || return 1
	run 1 "$PDFGEN" check tests/bad/truncated.xml || return 1
	run 2 "$PDFGEN" frobnicate || return 1
	run 2 "$PDFGEN" badges --skip x || return 1
	: > "$T/file"
	run 3 "$PDFGEN" booklet -o "$T/file" input/programme.xml
}

# Three forums on one line, each naming an unknown speaker: each error at
# its own ref attribute (the positions are found from byte offsets recorded
# while parsing, not by searching the line).
t_one_line_positions() {
	crowd 3 1 1 | sed 's/ref="p0"/ref="nobody"/g' | tr -d '\n' > "$T/in.xml"
	run 1 "$PDFGEN" check "$T/in.xml" || return 1
	grep -o -b 'ref="nobody"' "$T/in.xml" | awk -F: -v f="$T/in.xml" '
		{ printf "%s:1:%d: error: unknown person '\''nobody'\''\n", f, $1 + 1 }
		END { printf "pdfgen: 3 errors in '\''%s'\''; nothing written\n", f }' > "$T/expected.err"
	diff -u "$T/expected.err" "$T/err" || fail "positions differ"
}

# libharu's hard limits are input errors or lifted, never exit 3.

# A 64 KB title: a bookmark of libharu holds 65,535 bytes; abbreviated.
t_limit_long_title() {
	programme Anna Weiß "$(repeat 6500 'Verwaltung ')" Text > "$T/in.xml"
	run 0 "$PDFGEN_RELEASE" all -o "$T/o" "$T/in.xml" || return 1
	contains "$T/err" "$T/in.xml:10:5: warning: " || return 1
	pdf_ok "$T/o/signs.pdf" && pdf_ok "$T/o/booklet.pdf"
}

# A 72 KB event title and a layout label of 900 KB (the signs' PDF
# subject): the document info is abbreviated as bookmarks are.
t_limit_long_info() {
	programme Anna Weiß Titel Text |
		sed "s|<title>Härtetest</title>|<title>$(repeat 8000 'Kongress ')</title>|" > "$T/in.xml"
	run 0 "$PDFGEN_RELEASE" all -o "$T/o" "$T/in.xml" || return 1
	repeat 90000 'Türschild ' > "$T/label"
	awk -v f="$T/label" 'BEGIN { getline big < f }
		/<label key="signs" lang="de">/ { sub(/>[^<]*</, ">" big "<") } 1' \
		layouts/signs-a4-landscape.xml > "$T/layout.xml"
	run 0 "$PDFGEN_RELEASE" signs --layout "$T/layout.xml" -o "$T/o2" \
		input/programme.xml || return 1
	pdfinfo "$T/o2/signs.pdf" | grep -q '^Subject: *Türschild Türschild .* … .*Türschild$' ||
		fail "subject not abbreviated: $(pdfinfo "$T/o2/signs.pdf" | grep Subject | cut -c1-200)"
}

# One person in 4,500 forums, a name of a megabyte: an index entry taller
# than half a page is cut with "…" and a warning (it made a link libharu
# could not write, and text below the page).
t_limit_person_in_many_forums() {
	crowd 4500 1 1 > "$T/in.xml"
	run 0 "$PDFGEN_RELEASE" booklet -o "$T/o" "$T/in.xml" || return 1
	# (the references are joined by no-break spaces)
	contains "$T/err" "$T/in.xml:4508:1: warning: 'Forum" || return 1
	contains "$T/err" "' in person.forums does not fit its box; shortened to 'Forum" ||
		return 1
	pdftotext "$T/o/booklet.pdf" "$T/text"
	contains "$T/text" "Forum 27 · S. 6; …"
}

t_limit_megabyte_name() {
	programme Anna "$(repeat 100000 'Weißmannn ')" Titel Text > "$T/in.xml"
	run 0 "$PDFGEN_RELEASE" booklet -o "$T/o" "$T/in.xml" || return 1
	contains "$T/err" "in person does not fit its box; shortened to 'Weißmannn Weißmannn" ||
		return 1
	[ "$(pages "$T/o/booklet.pdf")" -gt 300 ] ||
		fail "booklet has $(pages "$T/o/booklet.pdf") pages"
}

# A PDF of libharu holds 32,767 pages: a longer product is refused before
# anything is drawn, at the element that would cross the limit.
# 33,000 signs, one per sheet: forum 32,768 crosses it.
t_limit_pages_signs() {
	many_forums 33000 > "$T/in.xml"
	run 1 "$PDFGEN_RELEASE" signs -o "$T/o" "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:65775:1: error: the sign 'Forum 32768: Forum über Thema 32768' reaches page 32768 of '$T/o/signs.pdf', more than the 32767 pages pdfgen can put in one PDF: split the programme into several files, or put more signs on a sheet (the layout's grid)" || return 1
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

# One badge a sheet, with its back: badge 16,384 (Anna 9984 in name
# order) needs page 32,768.
t_limit_pages_badges() {
	sed 's|<grid columns="2" rows="5"|<grid columns="1" rows="1"|' \
	    layouts/badges-90x55.xml > "$T/layout.xml"
	crowd 1 16400 16400 > "$T/in.xml"
	run 1 "$PDFGEN_RELEASE" badges --layout "$T/layout.xml" -o "$T/o" \
	    "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:9993:1: error: the badge of 'Anna 9984 Weiß' reaches page 32768 of '$T/o/badges.pdf', more than the 32767 pages pdfgen can put in one PDF: print the badges in parts (--only), or put more badges on a sheet (the layout's grid)" || return 1
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

# A booklet of 5 cm pages with two words a page: the forum's text crosses
# the limit; found once the pages are made up, before any is drawn.
t_limit_pages_booklet() {
	sed -e 's|<page paper="A5" orientation="portrait" bleed="3mm"/>|<page width="50mm" height="50mm"/>|' \
	    -e 's|<type-area [^>]*>|<type-area top="5mm" bottom="5mm" inner="5mm" outer="5mm" columns="1"/>|' \
	    -e 's|<style name="body" size="9.5pt"|<style name="body" size="40pt"|' \
	    layouts/booklet-a5.xml > "$T/layout.xml"
	programme Anna Weiß Titel "$(repeat 66000 'Wort ')" > "$T/in.xml"
	run 1 "$PDFGEN_RELEASE" booklet --layout "$T/layout.xml" -o "$T/o" \
	    "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:10:5: error: forum 1 'Titel' reaches page 32768 of '$T/o/booklet.pdf', more than the 32767 pages pdfgen can put in one PDF: split the programme into several files, or shorten it with --content abstract or --content titles" || return 1
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

# 32,800 days of one session each: the poster's day 32,768 crosses it
# (a day takes a sheet at least); it was found after 50 s of drawing.
t_limit_pages_poster() {
	many_days 32800 > "$T/in.xml"
	run 1 "$PDFGEN_RELEASE" poster -o "$T/o" "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:65574:1: error: the poster of 1989-09-18 reaches page 32768 of '$T/o/poster.pdf', more than the 32767 pages pdfgen can put in one PDF: split the programme into several files" || return 1
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

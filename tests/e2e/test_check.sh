# pdfgen check and bad input: exact diagnostics, exit codes, nothing written.

# Each tests/bad/CASE.xml gives exactly the diagnostics in CASE.err, exit 1,
# and a render of it writes no file.
t_bad_inputs() {
	for xml in tests/bad/*.xml; do
		run 1 "$PDFGEN" check "$xml" || return 1
		diff -u "${xml%.xml}.err" "$T/err" || fail "diagnostics for $xml" || return 1
		mkdir -p "$T/o"
		run 1 "$PDFGEN" all -o "$T/o" "$xml" || return 1
		[ -z "$(ls -A "$T/o")" ] || fail "$xml: files written: $(ls -A "$T/o")" || return 1
	done
}

t_missing_file() {
	run 1 "$PDFGEN" check "$T/nope.xml" || return 1
	expect_file "$T/err" "$T/nope.xml: error: cannot open: No such file or directory
pdfgen: 1 error in '$T/nope.xml'; nothing written"
}

t_directory() {
	run 1 "$PDFGEN" check "$T" || return 1
	contains "$T/err" "$T: error: is a directory, not an XML file"
}

t_empty_file() {
	: > "$T/empty.xml"
	run 1 "$PDFGEN" check "$T/empty.xml" || return 1
	contains "$T/err" "$T/empty.xml: error: file is empty"
}

# The entity's target must never appear in any output.
t_external_entity_not_read() {
	run 1 "$PDFGEN" check tests/bad/external-entity.xml || return 1
	host=$(cat /etc/hostname)
	lacks "$T/err" "$host" && lacks "$T/out" "$host"
}

# Refused at once, the entities not expanded: little memory (expanded,
# they take gigabytes).  The time is measured by make bench.
t_billion_laughs_bounded() {
	run 1 /usr/bin/env time -f '%M' -o "$T/time" "$PDFGEN" check \
	    tests/bad/billion-laughs.xml || return 1
	kb=$(tail -n 1 "$T/time")
	[ "$kb" -lt 65536 ] || fail "took $kb KiB"
}

t_over_size_limit() {
	{ printf '<programme xmlns="urn:pdfgen:programme:1" version="1"><!--'
	  head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' x
	  printf -- '--></programme>'; } > "$T/big.xml"
	run 1 "$PDFGEN" check "$T/big.xml" || return 1
	contains "$T/err" "$T/big.xml: error: file is larger than the limit of 64 MiB"
}

t_example_report() {
	run 0 "$PDFGEN" check input/programme.xml || return 1
	contains "$T/out" "input/programme.xml: printable" &&
	contains "$T/out" "12 forums, 12 rooms" &&
	contains "$T/out" "speakers invited, not yet confirmed: 3" &&
	contains "$T/out" "Marcel Böttcher, Stadt Bergisch Gladbach (forum 6)" &&
	contains "$T/out" "placeholders (N.N.): 2" &&
	contains "$T/out" "forums without speakers: 4 5 8 11 12" &&
	[ ! -s "$T/err" ] || fail "check printed on stderr"
}

t_usage_errors() {
	run 2 "$PDFGEN" || return 1
	contains "$T/err" "pdfgen: error: no command given" || return 1
	run 2 "$PDFGEN" frobnicate || return 1
	contains "$T/err" "unknown command 'frobnicate'" || return 1
	run 2 "$PDFGEN" check --bogus || return 1
	contains "$T/err" "unknown option '--bogus'" || return 1
	run 2 "$PDFGEN" badges --skip x || return 1
	contains "$T/err" "--skip needs a number from 0 to 10000, not 'x'" || return 1
	run 2 "$PDFGEN" all --layout layouts/badges-90x55.xml || return 1
	# A product's option with a command that does not take it.
	run 2 "$PDFGEN" signs --impose || return 1
	expect_file "$T/err" "pdfgen: error: option '--impose' is not for signs (it goes with booklet)
Try 'pdfgen --help'." || return 1
	run 2 "$PDFGEN" check --skip 2 || return 1
	contains "$T/err" "option '--skip' is not for check (it goes with badges)" || return 1
	run 0 "$PDFGEN" --help || return 1
	contains "$T/out" "Exit status: 0 ok, 1 problems in the input, 2 usage, 3 output" || return 1
	run 0 "$PDFGEN" --version && contains "$T/out" "pdfgen "
}

# Every word of the user's programme (tests/seed.txt, the seed as the user
# sent it) is in input/programme.xml, in order.
t_example_keeps_every_seed_word() {
	run 0 python3 tests/seed_words.py tests/seed.txt input/programme.xml
}

# A layout of another product is refused (it used to crash or hang).
t_layout_of_other_product() {
	mkdir -p "$T/o"
	run 1 "$PDFGEN" booklet --layout layouts/badges-90x55.xml -o "$T/o" input/programme.xml || return 1
	expect_file "$T/err" "layouts/badges-90x55.xml: error: this is a layout for badges, not for booklet" || return 1
	run 1 "$PDFGEN" signs --layout layouts/booklet-a4.xml -o "$T/o" input/programme.xml || return 1
	contains "$T/err" "this is a layout for booklet, not for signs" || return 1
	[ -z "$(ls -A "$T/o")" ] || fail "files written"
}

# The report names the photos and logos in RGB (the PDFs keep images as
# they are; the print shop converts them to CMYK); grey and CMYK images,
# PNG or JPEG, are not named.
t_check_notes_rgb_images() {
	run 0 "$PDFGEN" check tests/e2e/badges-long.xml || return 1
	contains "$T/out" "  images in RGB, which the print shop converts to CMYK: 1
    tests/e2e/badge-photo.png (photo of Özlem Çelik)" || return 1
	# The same programme with the photo as grey PNG, then JPEGs.
	cp tests/e2e/badges-long.xml "$T/" || return 1
	python3 - "$T/badge-photo.png" <<'PY' || return 1
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
raw = b"\0\x80\x80" * 2
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
	run 0 "$PDFGEN" check "$T/badges-long.xml" || return 1
	contains "$T/out" "  images in RGB, which the print shop converts to CMYK: 0" || return 1
	for dev in jpeggray:0 jpegcmyk:0 jpeg:1; do
		gs -q -dSAFER -sDEVICE=${dev%:*} -r10 -o "$T/badge-photo.png" \
		    -c showpage || return 1
		run 0 "$PDFGEN" check "$T/badges-long.xml" || return 1
		contains "$T/out" "  images in RGB, which the print shop converts to CMYK: ${dev#*:}" ||
			return 1
	done
}

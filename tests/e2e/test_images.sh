# Images: every photo, logo and layout image is read and decoded by pdfgen
# before libharu sees it (libharu 2.3.0 aborts on a damaged PNG).  A
# damaged, oversized or unreadable image is an error at its reference,
# nothing is written, and nothing blocks.  The damaged images are made
# here from good ones (tests/hardening/gen.sh).

. tests/hardening/gen.sh

# photo_run IMAGE-MAKER: the badges of tests/e2e/badges-long.xml in $T,
# whose photo $T/badge-photo.png is made by IMAGE-MAKER; exit 1 expected,
# then nothing written.  The error is in $T/err.
photo_run() {
	cp tests/e2e/badges-long.xml "$T/in.xml"
	"$@" > "$T/badge-photo.png"
	run 1 timeout 60 "$PDFGEN" badges --layout tests/e2e/badges-photo.xml --only doppel \
	    -o "$T/o" "$T/in.xml" || return 1
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

# The message for the photo of the person at line 35 of badges-long.xml.
photo_error() {
	expect_file "$T/err" "$T/in.xml:35:5: error: image '$T/badge-photo.png' $1"
}

t_image_truncated_png() {
	photo_run png_truncated tests/e2e/badge-photo.png || return 1
	photo_error "is damaged (PNG: the file ends early)"
}

t_image_flipped_png() {
	photo_run png_flipped tests/e2e/badge-photo.png || return 1
	photo_error "is damaged (PNG: IDAT: invalid code -- missing end-of-block)"
}

# The image data whole, its checksum (bytes 2302 to 2305) wrong.
t_image_flipped_checksum() {
	photo_run png_flipped tests/e2e/badge-photo.png 2302 || return 1
	photo_error "is damaged (PNG: IDAT: CRC error)"
}

# A correct checksum over damaged compressed data.
t_image_bad_deflate_png() {
	photo_run png_bad_idat || return 1
	photo_error "is damaged (PNG: IDAT: invalid stored block lengths)"
}

# A sound PNG that libharu 2.3.0 cannot embed.
t_image_interlaced_png() {
	photo_run png_interlaced || return 1
	photo_error "is an interlaced PNG, which cannot be printed: save it without interlacing"
}

# 30,000 x 30,000 pixels in a file of a few hundred bytes: refused by its
# header, before any row is decoded.
t_image_huge_png() {
	photo_run png_of_size 30000 30000 || return 1
	photo_error "has 30000 x 30000 pixels, more than 50 megapixels (the limit)"
}

t_image_large_file() {
	photo_run large_file tests/e2e/badge-photo.png || return 1
	photo_error "is larger than 20 MiB (the limit)"
}

t_image_not_an_image() {
	photo_run echo "just text" || return 1
	photo_error "is neither PNG nor JPEG"
}

t_image_truncated_jpeg() {
	photo_run jpeg_truncated || return 1
	photo_error "is damaged (JPEG: Premature end of JPEG file)"
}

# A FIFO as a photo (or /dev/stdin) would block a reader forever.
t_image_fifo() {
	cp tests/e2e/badges-long.xml "$T/in.xml"
	mkfifo "$T/badge-photo.png"
	run 1 timeout 60 "$PDFGEN" badges --layout tests/e2e/badges-photo.xml --only doppel \
	    -o "$T/o" "$T/in.xml" || return 1
	photo_error "is not a regular file"
}

# A good JPEG photo (made by Ghostscript) is printed.
t_image_good_jpeg() {
	cp tests/e2e/badges-long.xml "$T/in.xml"
	jpeg_good > "$T/badge-photo.png"
	run 0 "$PDFGEN" badges --layout tests/e2e/badges-photo.xml \
	    -o "$T/o" "$T/in.xml" || return 1
	pdf_ok "$T/o/badges.pdf" || return 1
	[ "$(pdfimages -list "$T/o/badges.pdf" | awk '$3 == "image" { print $9 }' | sort -u)" = jpeg ] ||
		fail "no JPEG image in the badges"
}

# A host's logo on a door sign, at the forum.
t_image_damaged_logo() {
	cp tests/signs/missing-logo.xml "$T/in.xml"
	png_truncated tests/e2e/badge-photo.png > "$T/missing-logo.png"
	run 1 timeout 60 "$PDFGEN" signs -o "$T/o" "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:31:5: error: image '$T/missing-logo.png' is damaged (PNG: the file ends early)" &&
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

# An image of the layout, at its src attribute, found when the layout is
# read.
t_image_damaged_layout_image() {
	sed 's|<front>|&<box field="image" x="60mm" y="40mm" w="26mm" h="11mm" src="logo.png"/>|' \
	    tests/layouts/good-badges-90x55.xml > "$T/layout.xml"
	png_flipped tests/e2e/badge-photo.png > "$T/logo.png"
	run 1 timeout 60 "$PDFGEN" badges --layout "$T/layout.xml" -o "$T/o" \
	    input/programme.xml || return 1
	expect_file "$T/err" "$T/layout.xml:26:67: error: image '$T/logo.png' is damaged (PNG: IDAT: invalid code -- missing end-of-block)" &&
	[ ! -e "$T/o" ] || fail "written: $(ls -A "$T/o")"
}

# check finds a damaged photo before anything is printed: the error at the
# person, and the report says the programme is not printable.
t_image_check_finds_damage() {
	cp tests/e2e/badges-long.xml "$T/in.xml"
	png_truncated tests/e2e/badge-photo.png > "$T/badge-photo.png"
	run 1 "$PDFGEN" check "$T/in.xml" || return 1
	expect_file "$T/err" "$T/in.xml:35:5: error: image '$T/badge-photo.png' is damaged (PNG: the file ends early)" &&
	[ "$(head -n1 "$T/out")" = "$T/in.xml: not printable (1 error)" ] ||
		fail "report: $(head -n1 "$T/out")"
}

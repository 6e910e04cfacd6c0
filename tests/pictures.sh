#!/bin/sh
# The README's pictures: renders input/programme.xml with the default
# layouts and draws the pages the README shows, cut to their trimmed
# format, at 50 dpi into tests/pictures/.  Run it after a change to a
# renderer or a shipped layout, look at the pictures, commit them.
#
#   sh tests/pictures.sh [PDFGEN]      (default build/pdfgen)
set -eu
pdfgen=${1:-build/pdfgen}
dpi=50
out=tests/pictures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1700000000 "$pdfgen" all -o "$tmp" input/programme.xml

# picture PDF PAGE NAME: page PAGE of PDF, inside its TrimBox, as NAME.png
picture() {
	set -- "$@" $(pdfinfo -box -f "$2" -l "$2" "$1" |
	    awk -v r=$dpi '/MediaBox/ { h = $7 }
	    /TrimBox/ { s = r / 72; printf "%d %d %d %d", $4 * s + 0.5,
		(h - $7) * s + 0.5, ($6 - $4) * s + 0.5, ($7 - $5) * s + 0.5 }')
	pdftoppm -r $dpi -f "$2" -l "$2" -singlefile -png \
	    -x "$4" -y "$5" -W "$6" -H "$7" "$1" "$out/$3"
}

picture "$tmp/booklet.pdf" 1 booklet-cover
picture "$tmp/booklet.pdf" 3 booklet-forum
picture "$tmp/signs.pdf" 1 sign
picture "$tmp/badges.pdf" 1 badges

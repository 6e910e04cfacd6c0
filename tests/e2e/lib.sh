# Helpers for the end-to-end tests (sourced by tests/run-e2e.sh).
# Each prints why it failed and returns non-zero.

# fail MESSAGE: the test fails, whatever it does next (tests/run-e2e.sh
# reads $E2E_FAILED).
fail() {
	echo "FAILED: $*"
	echo "$*" >>"${E2E_FAILED:-/dev/null}"
	return 1
}

# run CODE CMD...: runs CMD, output in $T/out and $T/err, expects exit CODE.
run() {
	want=$1; shift
	got=0
	"$@" >"$T/out" 2>"$T/err" || got=$?
	[ "$got" -eq "$want" ] || { echo "stdout:"; cat "$T/out"; echo "stderr:"; cat "$T/err"; \
		fail "'$*' exited $got, expected $want"; }
}

# expect_file FILE EXPECTED-TEXT: FILE equals the text exactly.
expect_file() {
	printf '%s\n' "$2" > "$T/expected"
	diff -u "$T/expected" "$1" || fail "$1 differs from the expected text"
}

# contains FILE STRING: FILE contains STRING (fixed string).
contains() { grep -qF -- "$2" "$1" || fail "'$2' not found in $1"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "'$2' unexpectedly found in $1"; }
lacks_line() { ! grep -qxF -- "$2" "$1" || fail "line '$2' unexpectedly found in $1"; }

# pdf_ok PDF: the four strict readers (tests/preflight.sh: qpdf, poppler,
# MuPDF, Ghostscript) say nothing; poppler and Ghostscript read the first
# 24 pages (test_preflight.sh reads every page of every layout's products).
pdf_ok() {
	sh tests/preflight.sh -l 24 "$1" >"$T/preflight" ||
		{ cat "$T/preflight"; fail "the preflight has messages on $1"; }
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }
# trim PDF: page 1's TrimBox as "LEFT BOTTOM WIDTH HEIGHT" (points, one
# decimal): the finished page inside its bleed and crop marks.
trim() {
	pdfinfo -box -f 1 -l 1 "$1" 2>/dev/null |
		awk '$3 == "TrimBox:" { printf "%.1f %.1f %.1f %.1f\n", $4, $5,
		    $6 - $4, $7 - $5 }'
}

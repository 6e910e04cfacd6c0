#!/bin/sh
# End-to-end tests: runs every function named t_* in tests/e2e/*.sh, each in
# its own subshell with a fresh empty directory $T, against the binary
# $PDFGEN (tests of large inputs use the release binary $PDFGEN_RELEASE,
# default build/pdfgen).  A test fails by returning non-zero (use the helpers in
# tests/e2e/lib.sh, which say why).  Prints "N passed, N failed".
set -u
: "${PDFGEN:=build/pdfgen}" "${PDFGEN_RELEASE:=build/pdfgen}"
PDFGEN=$(cd "$(dirname "$PDFGEN")" && pwd)/$(basename "$PDFGEN")
PDFGEN_RELEASE=$(cd "$(dirname "$PDFGEN_RELEASE")" && pwd)/$(basename "$PDFGEN_RELEASE")
TOP=$(pwd)
export PDFGEN PDFGEN_RELEASE TOP
only=${1:-}
passed=0 failed=0 failures=""
for f in tests/e2e/test_*.sh; do
	for t in $(sed -n 's/^\(t_[A-Za-z0-9_]*\)() *{*$/\1/p' "$f"); do
		[ -n "$only" ] && [ "$t" != "$only" ] && continue
		T=$(mktemp -d)
		if ( cd "$TOP" && export T && . tests/e2e/lib.sh && . "$f" && "$t" ) >"$T.log" 2>&1; then
			passed=$((passed + 1))
			echo "ok   $f $t"
			grep '^skipped' "$T.log" | sed 's/^/     | /'
		else
			failed=$((failed + 1))
			failures="$failures $t"
			echo "FAIL $f $t"
			sed 's/^/     | /' "$T.log" | tail -n 30
		fi
		rm -rf "$T" "$T.log"
	done
done
[ -n "$failures" ] && echo "failed:$failures"
echo "end-to-end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

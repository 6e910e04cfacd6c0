#!/bin/sh
# End-to-end tests: runs every function named t_* in $E2E_FILES (default
# tests/e2e/test_*.sh), each in its own subshell with a fresh empty
# directory $T, against the binary $PDFGEN (tests of large inputs use the
# release binary $PDFGEN_RELEASE, default build/pdfgen).
#
# A test fails when any check in it fails, wherever it stands: the test
# runs under "set -e" (a command that fails outside a condition ends it),
# and fail (tests/e2e/lib.sh, called by every helper) records its message
# in $E2E_FAILED, which is read here, so a failed check counts even when
# its status is lost (in "a && fail && return", a pipeline or a subshell).
# Commands expected to fail are run by "run CODE" or in a condition.
# Prints "N passed, N failed".
set -u
: "${PDFGEN:=build/pdfgen}" "${PDFGEN_RELEASE:=build/pdfgen}"
: "${E2E_FILES:=tests/e2e/test_*.sh}"
PDFGEN=$(cd "$(dirname "$PDFGEN")" && pwd)/$(basename "$PDFGEN")
PDFGEN_RELEASE=$(cd "$(dirname "$PDFGEN_RELEASE")" && pwd)/$(basename "$PDFGEN_RELEASE")
TOP=$(pwd)
export PDFGEN PDFGEN_RELEASE TOP
only=${1:-}
passed=0 failed=0 failures=""
for f in $E2E_FILES; do
	for t in $(sed -n 's/^\(t_[A-Za-z0-9_]*\)() *{*$/\1/p' "$f"); do
		[ -n "$only" ] && [ "$t" != "$only" ] && continue
		T=$(mktemp -d)
		E2E_FAILED=$T.failed
		: >"$E2E_FAILED"
		# Not in a condition: "set -e" holds inside the test function.
		( cd "$TOP" && export T E2E_FAILED && . tests/e2e/lib.sh &&
		    . "$f" && set -e && "$t" ) >"$T.log" 2>&1
		rc=$?
		if [ $rc -eq 0 ] && [ ! -s "$E2E_FAILED" ]; then
			passed=$((passed + 1))
			echo "ok   $f $t"
			grep '^skipped' "$T.log" | sed 's/^/     | /'
		else
			failed=$((failed + 1))
			failures="$failures $t"
			echo "FAIL $f $t"
			sed 's/^/     | /' "$T.log" | tail -n 30
			[ -s "$E2E_FAILED" ] || echo "     | (exit status $rc)"
		fi
		rm -rf "$T" "$T.log" "$E2E_FAILED"
	done
done
[ -n "$failures" ] && echo "failed:$failures"
echo "end-to-end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

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
# Tests run in parallel, E2E_JOBS at a time (default: one per processor).
# Prints "N passed, N failed".
set -u
: "${PDFGEN:=build/pdfgen}" "${PDFGEN_RELEASE:=build/pdfgen}"
: "${E2E_FILES:=tests/e2e/test_*.sh}"
PDFGEN=$(cd "$(dirname "$PDFGEN")" && pwd)/$(basename "$PDFGEN")
PDFGEN_RELEASE=$(cd "$(dirname "$PDFGEN_RELEASE")" && pwd)/$(basename "$PDFGEN_RELEASE")
TOP=$(pwd)
# The tests run side by side already: "pdfgen all" renders its products
# one after the other unless a test asks for more (test_output.sh).
: "${PDFGEN_JOBS:=1}"
export PDFGEN PDFGEN_RELEASE TOP PDFGEN_JOBS
# AddressSanitizer keeps freed memory from reuse for 16 MB of allocations
# instead of 256 MB: enough to catch a use after free in our runs, and a
# quarter less time (each fresh page of its shadow is a page fault).
: "${ASAN_OPTIONS:=quarantine_size_mb=16}"
export ASAN_OPTIONS
# The tests' python3 is Debian's, which .ci/install-deps installs, not a
# version manager's shim that comes first on PATH (pyenv's takes 0.3 s to
# start a Python that takes 0.03 s, and the tests start it 200 times).
if [ -x /usr/bin/python3 ] && [ -z "${E2E_BIN:-}" ]; then
	E2E_BIN=$(mktemp -d)
	ln -s /usr/bin/python3 "$E2E_BIN/python3"
	PATH=$E2E_BIN:$PATH
	export E2E_BIN PATH
	trap 'rm -rf "$E2E_BIN"' EXIT
fi
# With --one FILE TEST OUT (how the runner calls itself): runs one test,
# its output in OUT.log and its verdict in OUT.status ("ok", or the exit
# status and whether a check failed).
if [ "${1:-}" = --one ]; then
	f=$2 t=$3 out=$4
	T=$(mktemp -d)
	E2E_FAILED=$T.failed
	: >"$E2E_FAILED"
	# Not in a condition: "set -e" holds inside the test function.
	( cd "$TOP" && export T E2E_FAILED && . tests/e2e/lib.sh &&
	    . "$f" && set -e && "$t" ) >"$out.log" 2>&1
	rc=$?
	# The CPU time of the test and everything it ran ("times" prints the
	# shell's own, then its children's user and system time; not in a
	# pipeline, whose subshell has no children).
	times >"$out.cpu"
	if [ $rc -eq 0 ] && [ ! -s "$E2E_FAILED" ]; then
		echo ok >"$out.status"
	elif [ -s "$E2E_FAILED" ]; then
		echo failed >"$out.status"
	else
		echo "exit $rc" >"$out.status"
	fi
	rm -rf "$T" "$E2E_FAILED"
	exit 0
fi

# The tests run E2E_JOBS at a time (default: one per processor), each in
# its own directory; their results are printed in the order of the files.
: "${E2E_JOBS:=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}"
only=${1:-}
R=$(mktemp -d)
n=0
for f in $E2E_FILES; do
	for t in $(sed -n 's/^\(t_[A-Za-z0-9_]*\)() *{*$/\1/p' "$f"); do
		[ -n "$only" ] && [ "$t" != "$only" ] && continue
		n=$((n + 1))
		printf '%s %s %s/%05d\n' "$f" "$t" "$R" "$n"
	done
done >"$R/list"
xargs -P "$E2E_JOBS" -L 1 sh "$0" --one <"$R/list"
passed=0 failed=0 failures=""
while read -r f t out; do
	if [ "$(cat "$out.status" 2>/dev/null)" = ok ]; then
		passed=$((passed + 1))
		echo "ok   $f $t"
		grep '^skipped' "$out.log" | sed 's/^/     | /'
	else
		failed=$((failed + 1))
		failures="$failures $t"
		echo "FAIL $f $t"
		sed 's/^/     | /' "$out.log" | tail -n 30
		case $(cat "$out.status" 2>/dev/null) in
		"exit "*) echo "     | ($(sed 's/^exit/exit status/' "$out.status"))" ;;
		failed) ;;
		*) echo "     | (no verdict: the runner was interrupted)" ;;
		esac
	fi
done <"$R/list"
# The five tests that took the most CPU time, to keep "make test" short.
while read -r f t out; do
	awk -v t="$t" 'NR == 2 { split($0, a, /[ms ]+/)
	    printf "%.1f %s\n", a[1] * 60 + a[2] + a[3] * 60 + a[4], t }' \
	    "$out.cpu" 2>/dev/null
done <"$R/list" | sort -rn | head -n 5 |
	awk '{ s = s sep $2 " " $1 " s"; sep = ", " }
	    END { print "most CPU time: " s }'
rm -rf "$R"
[ -n "$failures" ] && echo "failed:$failures"
echo "end-to-end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

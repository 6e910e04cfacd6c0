#!/bin/sh
# Runs the example programme and three imports once under valgrind:
# zero leaks and zero errors, or the test fails.  The runs go side by side,
# VALGRIND_JOBS at a time (default: one per processor); their results are
# printed in this order.
set -u
bin=$1
# With --one ARGS... (how the script calls itself): one run, its messages
# in $out/N.log and "ok" in $out/N.status when valgrind found nothing.
if [ "$bin" = --one ]; then
	n=$2 out=$3 bin=$4
	shift 4
	valgrind -q --suppressions=tests/libhyphen.supp --leak-check=full \
	    --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --error-exitcode=99 "$bin" "$@" >"$out/$n.log" 2>&1 &&
		echo ok >"$out/$n.status"
	exit 0
fi
out=$(mktemp -d)
# The example's products, and imports that take ICU, cmark, libxml2's
# HTML parser and the outline emoji through their paces.
n=0
for cmd in check booklet signs badges poster markup scripts symbols; do
	n=$((n + 1))
	case $cmd in
	check) args="check input/programme.xml" ;;
	markup|scripts|symbols) args="all -o $out/$n tests/schedule/$cmd.xml" ;;
	*) args="$cmd -o $out/$n input/programme.xml" ;;
	esac
	echo "$n $out $bin $args"
done >"$out/list"
: "${VALGRIND_JOBS:=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}"
xargs -P "$VALGRIND_JOBS" -L 1 sh "$0" --one <"$out/list"
status=0 passed=0 failed=0
while read -r n dir bin args; do
	if [ "$(cat "$out/$n.status" 2>/dev/null)" = ok ]; then
		echo "ok   valgrind $args"
		passed=$((passed + 1))
	else
		echo "FAIL valgrind $args"; cat "$out/$n.log"; status=1
		failed=$((failed + 1))
	fi
done <"$out/list"
rm -rf "$out"
echo "valgrind: $passed passed, $failed failed"
exit $status

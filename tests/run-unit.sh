#!/bin/sh
# Runs each cmocka binary given, UNIT_JOBS at a time (default: one per
# processor); prints their output in the order given and one closing line
# for all of them.
if [ "${1:-}" = --one ]; then
	# How the script calls itself: one binary, output in OUT.log, "ok" in
	# OUT.status when it passed.
	"$2" >"$3.log" 2>&1 && echo ok >"$3.status"
	exit 0
fi
out=$(mktemp -d)
n=0
for t in "$@"; do
	n=$((n + 1))
	echo "$t $out/$n"
done >"$out/list"
: "${UNIT_JOBS:=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}"
xargs -P "$UNIT_JOBS" -L 1 sh "$0" --one <"$out/list"
passed=0 failed=0
while read -r t o; do
	cat "$o.log"
	if [ "$(cat "$o.status" 2>/dev/null)" = ok ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAILED: $t"
	fi
done <"$out/list"
rm -rf "$out"
echo "unit binaries: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

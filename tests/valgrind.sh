#!/bin/sh
# Runs the end-to-end renders of the example programme once under valgrind:
# zero leaks and zero errors, or the test fails.
set -u
bin=$1
out=$(mktemp -d)
status=0 passed=0 failed=0
for cmd in check booklet signs badges poster; do
	if [ "$cmd" = check ]; then args="check input/programme.xml"; else args="$cmd -o $out input/programme.xml"; fi
	if ! valgrind -q --suppressions=tests/libhyphen.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
	    "$bin" $args >"$out/log" 2>&1; then
		echo "FAIL valgrind $args"; cat "$out/log"; status=1
		failed=$((failed + 1))
	else
		echo "ok   valgrind $args"
		passed=$((passed + 1))
	fi
done
rm -rf "$out"
echo "valgrind: $passed passed, $failed failed"
exit $status

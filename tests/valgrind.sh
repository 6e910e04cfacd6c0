#!/bin/sh
# Runs the example programme and three imports once under valgrind:
# zero leaks and zero errors, or the test fails.
set -u
bin=$1
out=$(mktemp -d)
status=0 passed=0 failed=0
# The example's products, and imports that take ICU, cmark, libxml2's
# HTML parser and the outline emoji through their paces.
for cmd in check booklet signs badges poster markup scripts symbols; do
	case $cmd in
	check) args="check input/programme.xml" ;;
	markup|scripts|symbols) args="all -o $out tests/schedule/$cmd.xml" ;;
	*) args="$cmd -o $out input/programme.xml" ;;
	esac
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

#!/bin/sh
# Runs each fuzz target given (build/fuzz/fuzz_NAME, built by 'make fuzz')
# for FUZZ_SECONDS (default 60) with its seeds: tests/fuzz/corpus-NAME and
# the project's own inputs.  What a run finds is kept in build/fuzz/:
# corpus-NAME (the growing corpus), crash-* (inputs that failed), NAME.log.
# Prints the executions of each target; exits 1 when one found a crash.
#
#   sh tests/fuzz/run.sh build/fuzz/fuzz_*
#   FUZZ_SECONDS=600 sh tests/fuzz/run.sh build/fuzz/fuzz_text
set -u
secs=${FUZZ_SECONDS:-60}
passed=0 failed=0 total=0
LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
export LSAN_OPTIONS
for bin in "$@"; do
	name=${bin##*/fuzz_}
	case $name in
	programme) seeds="input tests/bad" ; len=32768 ;;
	schedule) seeds="tests/schedule tests/samples" ; len=32768 ;;
	layout) seeds="layouts tests/layouts" ; len=16384 ;;
	text) seeds="" ; len=2048 ;;
	*) echo "run.sh: no seeds known for '$bin'" >&2; exit 2 ;;
	esac
	dirs="tests/fuzz/corpus-$name"
	for s in $seeds; do
		[ -d "$s" ] && dirs="$dirs $s"
	done
	dict=""
	[ "$name" != text ] && dict=-dict=tests/fuzz/xml.dict
	mkdir -p "build/fuzz/corpus-$name"
	log=build/fuzz/$name.log
	# The first folder takes what the run finds; the others are only read.
	"$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=$len $dict -print_final_stats=1 \
	    -artifact_prefix="build/fuzz/crash-$name-" \
	    "build/fuzz/corpus-$name" $dirs >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	total=$((total + ${execs:-0}))
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok   fuzz $name: ${execs:-?} executions in ${secs}s"
	else
		failed=$((failed + 1))
		echo "FAIL fuzz $name (exit $rc), see $log:"
		grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 5 |
		    sed 's/^/     | /'
	fi
done
echo "fuzz: $total executions"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

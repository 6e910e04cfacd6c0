# Tests broken on purpose, for t_harness_is_strict (tests/e2e/test_harness.sh):
# each t_broken_* has a failed check followed by commands that succeed, and
# must be reported as failed; t_sound passes.

t_broken_first_check_fails_last_succeeds() {
	contains /dev/null "nothing is in /dev/null"
	true
}

t_broken_and_chain() {
	echo here | grep -q here && fail "found" && return 1
	return 0
}

t_broken_bare_command() {
	cmp -s /dev/null "$TOP/Makefile"
	true
}

t_broken_fail_in_a_pipeline() {
	fail "in a pipeline" | cat
	true
}

t_broken_run_not_last() {
	run 0 false
	run 1 false
}

# Commands that are meant to fail, checked by run or in a condition.
t_sound() {
	run 1 false
	if false; then fail "false is true"; fi
	! grep -q x /dev/null
	run 0 true
}

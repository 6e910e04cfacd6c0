# The harness itself: a failed check fails its test wherever it stands.

t_harness_is_strict() {
	E2E_FILES=tests/e2e/harness/test_broken.sh run 1 sh tests/run-e2e.sh ||
		return 1
	for t in first_check_fails_last_succeeds and_chain bare_command \
	    fail_in_a_pipeline run_not_last; do
		contains "$T/out" "FAIL tests/e2e/harness/test_broken.sh t_broken_$t"
	done
	contains "$T/out" "ok   tests/e2e/harness/test_broken.sh t_sound"
	contains "$T/out" "end-to-end: 1 passed, 5 failed"
}

# Nothing lost: a run writes all its files or none, one run at a time per
# output folder, an interrupted run leaves nothing behind, and convert
# writes through the same atomic writer.

. tests/hardening/gen.sh

# snapshot DIR NAME: DIR's listing and files, kept as $T/NAME.
snapshot() {
	rm -rf "$T/$2"
	cp -a "$1" "$T/$2"
}

# same_as DIR NAME: DIR holds exactly what snapshot NAME held, byte for byte.
same_as() {
	diff -r "$T/$2" "$1" >"$T/diff" 2>&1 ||
		{ cat "$T/diff"; fail "$1 is not as it was"; }
}

# A product that fails (badges, the last, under --strict) leaves the
# earlier booklet and signs as they were: all or nothing.
t_output_all_or_nothing() {
	run 0 "$PDFGEN" all -o "$T/o" input/programme.xml || return 1
	snapshot "$T/o" before
	run 1 "$PDFGEN" all --strict -o "$T/o" tests/e2e/badges-long.xml ||
		return 1
	contains "$T/err" "pdfgen: nothing written to '$T/o'" || return 1
	same_as "$T/o" before
}

# ... and a folder the run created is gone again.
t_output_no_folder_left_created() {
	run 1 "$PDFGEN" all --strict -o "$T/new" tests/e2e/badges-long.xml ||
		return 1
	[ ! -e "$T/new" ] || fail "left behind: $T/new: $(ls -A "$T/new")"
}

# --impose writes booklet.pdf and booklet-imposed.pdf together or neither:
# a good booklet survives when the imposed one cannot be written.
t_output_impose_keeps_good_booklet() {
	run 0 "$PDFGEN" booklet -o "$T/o" input/programme.xml || return 1
	mkdir -p "$T/o/booklet-imposed.pdf/inside"
	snapshot "$T/o" before
	run 3 "$PDFGEN" booklet --impose -o "$T/o" input/programme.xml ||
		return 1
	expect_file "$T/err" "pdfgen: error: cannot write '$T/o/booklet-imposed.pdf': Is a directory
pdfgen: nothing written to '$T/o'" || return 1
	same_as "$T/o" before
}

# Another run holds the folder: said so, nothing written, its lock kept.
t_output_lock_held() {
	run 0 "$PDFGEN" badges -o "$T/o" input/programme.xml || return 1
	echo 12345 > "$T/o/.pdfgen.lock"
	snapshot "$T/o" before
	run 3 "$PDFGEN" all -o "$T/o" input/programme.xml || return 1
	expect_file "$T/err" "pdfgen: error: another pdfgen run is writing to '$T/o' (process 12345); if none is, remove '$T/o/.pdfgen.lock'" ||
		return 1
	same_as "$T/o" before
}

# Two runs of different programmes into one folder: the second (the fast
# release binary) starts once the first has begun writing.  The PDFs
# come from one of them (each PDF's title is its programme's event), the
# other run says why it did not write, and no lock is left.
t_output_concurrent_runs() {
	sed 's|<title>Kongress Digitale Verwaltung NRW</title>|<title>Zweiter Kongress</title>|' \
	    input/programme.xml > "$T/other.xml"
	contains "$T/other.xml" "Zweiter Kongress" || return 1
	i=0
	while [ $i -lt 3 ]; do
		rm -rf "$T/o"
		"$PDFGEN" all -o "$T/o" input/programme.xml >/dev/null 2>"$T/e1" &
		a=$!
		n=0
		until [ -n "$(ls -A "$T/o" 2>/dev/null)" ]; do
			n=$((n + 1))
			[ $n -lt 6000 ] || fail "nothing written after 60 s" ||
				return 1
			sleep 0.01
		done
		rb=0
		"$PDFGEN_RELEASE" all -o "$T/o" "$T/other.xml" >/dev/null \
		    2>"$T/e2" || rb=$?
		ra=0
		wait $a || ra=$?
		[ $ra -eq 0 ] || { cat "$T/e1"; fail "the first run exited $ra"; } ||
			return 1
		[ $rb -eq 3 ] || { cat "$T/e2"; fail "the second run exited $rb"; } ||
			return 1
		contains "$T/e2" "another pdfgen run is writing to '$T/o'" ||
			return 1
		for p in "$T"/o/*.pdf; do
			pdfinfo "$p" | sed -n 's/^Title: *//p'
		done | sort -u > "$T/titles"
		[ "$(cat "$T/titles")" = "Kongress Digitale Verwaltung NRW" ] ||
			fail "round $i: $(cat "$T/titles")" || return 1
		! ls -A "$T/o" | grep -v '^[a-z]*\.pdf$' ||
			fail "left behind in $T/o" || return 1
		i=$((i + 1))
	done
}

# interrupt SIGNAL CODE JOBS: a run of "all" (its products JOBS at a time)
# on a big programme gets SIGNAL once its first temporary file is there; it
# exits CODE and leaves nothing, not even the folder it created.
interrupt() {
	[ -s "$T/big.xml" ] || many_forums 200 > "$T/big.xml"
	rm -rf "$T/o"
	# Asynchronous commands of a script start with SIGINT ignored.
	env --default-signal=INT PDFGEN_JOBS="$3" "$PDFGEN" all -o "$T/o" \
	    "$T/big.xml" >/dev/null 2>"$T/err" &
	pid=$!
	n=0
	until ls -A "$T/o" 2>/dev/null | grep -q '^\.booklet\.pdf\.'; do
		n=$((n + 1))
		kill -0 $pid 2>/dev/null && [ $n -lt 6000 ] ||
			fail "no temporary file seen" || return 1
		sleep 0.01
	done
	kill -s "$1" $pid
	rc=0
	wait $pid || rc=$?
	[ $rc -eq "$2" ] || { cat "$T/err"; fail "SIG$1: exit $rc, not $2"; } ||
		return 1
	[ ! -e "$T/o" ] || fail "SIG$1: left behind: $T/o: $(ls -A "$T/o")"
}

t_output_signals_leave_nothing() {
	for jobs in 1 2; do
		interrupt INT 130 $jobs || return 1
		interrupt TERM 143 $jobs || return 1
		interrupt HUP 129 $jobs || return 1
	done
}

# convert writes a temporary file of its own making (never a fixed name
# another user can plant a link at), then renames it into place.
t_output_convert_no_fixed_temporary() {
	echo secret > "$T/victim"
	chmod 600 "$T/victim"
	ln -s "$T/victim" "$T/out.xml.tmp"
	run 0 "$PDFGEN" convert -o "$T/out.xml" input/programme.xml || return 1
	[ "$(cat "$T/victim")" = secret ] || fail "the link's target was written" ||
		return 1
	[ -f "$T/out.xml" ] && [ ! -L "$T/out.xml" ] || fail "no out.xml" ||
		return 1
	run 0 "$PDFGEN" check "$T/out.xml" || return 1
	[ "$(ls -A "$T" | grep -c 'out\.xml')" -eq 2 ] ||
		fail "left behind: $(ls -A "$T")"
}

# A convert that cannot write keeps the earlier file.
t_output_convert_keeps_earlier_file() {
	mkdir "$T/o"
	run 0 "$PDFGEN" convert -o "$T/o/p.xml" input/programme.xml || return 1
	cp "$T/o/p.xml" "$T/before.xml"
	run 1 "$PDFGEN" convert -o "$T/o/p.xml" tests/bad/truncated.xml || return 1
	cmp "$T/before.xml" "$T/o/p.xml" || fail "p.xml changed" || return 1
	[ "$(ls -A "$T/o")" = p.xml ] || fail "left behind: $(ls -A "$T/o")"
}

# thick_input N: N forums in N rooms, each with a long description and
# the same speaker, whose name is too long for a badge; forum 1's title is
# too long for a sign: "all --impose" warns from the booklet (too thick to
# staple, once it is set: late), the signs and the badges.
thick_input() {
	many_forums "$1" -v all=1 -v given=Hubert \
	    -v family=Wolfeschlegelsteinhausenbergerdorff \
	    -v title1="$(repeat 12 "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung ")" \
	    -v text="$(repeat 40 "Verwaltung digital gestalten mit Bürgerinnen, Ämtern und Kommunen. ")"
}

# "all" renders its products side by side (PDFGEN_JOBS processes, one per
# processor by default): the same files, byte for byte, and the same
# messages in the same order as one after the other (PDFGEN_JOBS=1); a
# product that fails leaves nothing either way.
t_output_parallel_as_serial() {
	export SOURCE_DATE_EPOCH=1700000000
	thick_input 150 >"$T/warn.xml"
	# The release binary: under the sanitizers, three runs of 150 forums
	# took most of this test's time; they check the --strict runs below.
	for jobs in 1 4 default; do
		j=$jobs
		[ "$j" = default ] && j=
		run 0 env PDFGEN_JOBS=$j "$PDFGEN_RELEASE" all --impose -o "$T/o$jobs" \
		    "$T/warn.xml" || return 1
		mv "$T/err" "$T/err$jobs"
	done
	[ "$(grep -c 'warning:' "$T/err1")" -ge 4 ] &&
	    grep -q 'warning: the booklet has' "$T/err1" ||
		fail "too few warnings: $(cat "$T/err1")" || return 1
	for jobs in 4 default; do
		diff -u "$T/err1" "$T/err$jobs" ||
			fail "PDFGEN_JOBS=$jobs: other messages" || return 1
		diff -r "$T/o1" "$T/o$jobs" ||
			fail "PDFGEN_JOBS=$jobs: other files" || return 1
	done
	[ "$(ls "$T/o4")" = "$(printf 'badges.pdf\nbooklet-imposed.pdf\nbooklet.pdf\nposter.pdf\nsigns.pdf')" ] ||
		fail "files: $(ls -A "$T/o4")" || return 1
	# --strict: the signs and the badges fail.
	run 0 "$PDFGEN" all -o "$T/o" input/programme.xml || return 1
	snapshot "$T/o" before
	for jobs in 1 4; do
		run 1 env PDFGEN_JOBS=$jobs "$PDFGEN" all --strict -o "$T/o" \
		    "$T/warn.xml" || return 1
		mv "$T/err" "$T/strict$jobs"
		same_as "$T/o" before || return 1
	done
	diff -u "$T/strict1" "$T/strict4" || fail "--strict: other messages" ||
		return 1
	contains "$T/strict4" "pdfgen: nothing written to '$T/o'"
}

t_output_jobs_checked() {
	run 1 env PDFGEN_JOBS=0 "$PDFGEN" all -o "$T/o" input/programme.xml ||
		return 1
	expect_file "$T/err" "pdfgen: error: PDFGEN_JOBS is '0', not a number of processes from 1 to 64" ||
		return 1
	[ ! -e "$T/o" ] || fail "left behind: $T/o"
}

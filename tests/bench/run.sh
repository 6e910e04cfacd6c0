#!/bin/sh
# make bench: speed, memory and size of pdfgen's three products on synthetic
# programmes of 10 to 10,000 speakers, on the example and on a real-size
# conference (900 sessions, 900 speakers with Cyrillic and CJK names, 2
# days, 30 rooms), against two references that draw the same badges: a
# bare libharu loop (the floor for our stack) and reportlab (what pretix
# and Indico use).
#
#   sh tests/bench/run.sh      (from make bench, after .ci/install-deps bench)
#
# Environment: BENCH_SIZES (default "10 100 1000 10000"), BENCH_RUNS (runs
# per measurement, default 5, and 3 for 10,000 speakers), BENCH_PDFGEN (a
# program to measure instead of building and measuring build/pdfgen),
# BENCH_HARD (which pathological inputs to render, names as in hard_input
# below; default all, "none" for none).
# Prints a markdown table and writes it to build/bench/results.md.  A product
# that cannot run (not built, not implemented, failing) gets a row "n/a"
# with the reason instead of stopping the benchmark.
set -u
cd "$(dirname "$0")/../.." || exit 3

B=build/bench
PDFGEN=${BENCH_PDFGEN:-build/pdfgen}
PY=/usr/bin/python3	# Debian's, where python3-reportlab is installed
SIZES=${BENCH_SIZES:-"10 100 1000 10000"}
PRODUCTS="booklet signs badges"
EXAMPLE=input/programme.xml
ROWS=$B/rows.tsv
RESULTS=$B/results.md
LIMIT=300		# seconds before one run counts as hung
SLOW=30			# seconds of a trial run above which one run is enough

mkdir -p "$B" || exit 3
: >"$ROWS"
load=$(cut -d' ' -f1-3 /proc/loadavg)	# other work skews the wall times

die() {
	echo "bench: error: $*" >&2
	exit 3
}

# --- build ---------------------------------------------------------------

cc -std=c11 -O2 -Wall -Wextra -o "$B/measure" tests/bench/measure.c ||
	die "could not build tests/bench/measure.c"
cc -std=c11 -O2 -Wall -Wextra -o "$B/ref_libharu" tests/bench/ref_libharu.c \
	-lhpdf -lz -lm || die "could not build tests/bench/ref_libharu.c"
# The same with pdfgen's repairs of libharu (its list growth, byte loops).
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -o "$B/ref_libharu_fix" \
	tests/bench/ref_libharu.c pdfgen/libharu_fix.c pdfgen/util.c \
	-lhpdf -ldeflate -lz -lm ||
	die "could not build tests/bench/ref_libharu.c with pdfgen/libharu_fix.c"
# font FAMILY[:STYLE] PACKAGE: the file fontconfig picks for it, as pdfgen's
# lookups do; the references get the faces pdfgen uses for these badges.
font() {
	case ",$(fc-match -f '%{family}' "$1")," in
	*",${1%%:*},"*) fc-match -f '%{file}' "$1" ;;
	*) die "font '$1' not found (package $2)" ;;
	esac
}
FONT=$(font 'Liberation Sans:style=Regular' fonts-liberation2) || exit 3
BOLD=$(font 'Liberation Sans:style=Bold' fonts-liberation2) || exit 3
ITALIC=$(font 'Liberation Sans:style=Italic' fonts-liberation2) || exit 3
CJK=$(font 'WenQuanYi Zen Hei' fonts-wqy-zenhei) || exit 3
KOREAN=$(font LexiGulim fonts-lexi-gulim) || exit 3
FONTS="$FONT $BOLD $ITALIC $CJK $KOREAN"

pdfgen_na=""
build_error=""
if [ -z "${BENCH_PDFGEN:-}" ] &&
    ! ${MAKE:-make} --no-print-directory build/pdfgen >"$B/build.log" 2>&1; then
	pdfgen_na="build/pdfgen did not build (see below)"
	build_error=$({ grep -m1 -E 'error|undefined reference' \
	    "$B/build.log" || tail -n1 "$B/build.log"; } | tr '`' "'")
fi

echo "bench: generating programmes of $SIZES speakers into $B/"
$PY tests/bench/gen.py -o "$B" $SIZES || die "gen.py failed"
for n in $SIZES; do
	xmllint --noout --schema input/programme.xsd "$B/speakers-$n.xml" \
		2>"$B/xmllint.log" ||
		die "$B/speakers-$n.xml is not valid:" \
		    "$(head -n1 "$B/xmllint.log")"
done

# --- measuring -----------------------------------------------------------

runs_for() {
	if [ -n "${BENCH_RUNS:-}" ]; then
		echo "$BENCH_RUNS"
	elif [ "$1" -ge 10000 ]; then
		echo 3
	else
		echo 5
	fi
}

median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# row KEY PRODUCT INPUT RUNS WALL CPU RSS_KIB BYTES PAGES NOTE [SUM_KIB]
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" \
	    "$3" "$4" "$5" "$6" "$7" "$8" "$9" "${10}" "${11:-n/a}" >>"$ROWS"
}

# bench KEY PRODUCT INPUT RUNS "PDF..." COMMAND...: one trial run (also
# warms the page cache), then RUNS measured runs; medians of wall and CPU
# seconds, the highest peak memory of one process and of all processes
# together (pdfgen all renders side by side), total size and pages of the
# PDFs.
bench() {
	key=$1 product=$2 input=$3 runs=$4 pdfs=$5
	shift 5
	printf 'bench: %-22s %-28s' "$product" "$input"
	"$B/measure" -t $LIMIT -o "$B/m.txt" "$@" >"$B/log" 2>&1
	status=$(cut -d' ' -f4 "$B/m.txt")
	if [ "$status" != 0 ]; then
		if [ "$status" = 124 ]; then
			why="timed out after $LIMIT s"
		else
			why="exit $status: $(grep -m1 -i 'error' "$B/log" ||
				tail -n1 "$B/log")"
		fi
		why=$(printf '%s' "$why" | tr '\t\n|' '  /' | cut -c1-160)
		row "$key" "$product" "$input" 0 n/a n/a n/a n/a n/a "$why"
		echo "n/a ($why)"
		return
	fi
	note=""
	if awk -v w="$(cut -d' ' -f1 "$B/m.txt")" -v s=$SLOW \
	    'BEGIN { exit !(w > s) }'; then
		runs=1 note="slow: one run only"
	fi
	: >"$B/runs.txt"
	i=0
	while [ $i -lt "$runs" ]; do
		"$B/measure" -t $LIMIT -o "$B/m.txt" "$@" >/dev/null 2>&1
		cat "$B/m.txt" >>"$B/runs.txt"
		i=$((i + 1))
	done
	failed=$(awk '$4 != 0' "$B/runs.txt" | wc -l)
	[ "$failed" -eq 0 ] || note="$failed of $runs runs failed"
	wall=$(cut -d' ' -f1 "$B/runs.txt" | median)
	cpu=$(cut -d' ' -f2 "$B/runs.txt" | median)
	rss=$(cut -d' ' -f3 "$B/runs.txt" | sort -n | tail -n1)
	sum=$(cut -d' ' -f5 "$B/runs.txt" | sort -n | tail -n1)
	bytes=0 pages=0
	for f in $pdfs; do
		[ -r "$f" ] || { note="no $f"; continue; }
		bytes=$((bytes + $(wc -c <"$f")))
		pages=$((pages + $(pdfinfo "$f" 2>/dev/null |
			awk '/^Pages:/ { p = $2 } END { print p + 0 }')))
	done
	row "$key" "$product" "$input" "$runs" "$wall" "$cpu" "$rss" \
		"$bytes" "$pages" "$note" "$sum"
	printf '%8.3f s wall %8.3f s CPU %7.1f MiB (all processes %.1f)\n' \
		"$wall" "$cpu" "$(echo "$rss" | awk '{ print $1 / 1024 }')" \
		"$(echo "$sum" | awk '{ print $1 / 1024 }')"
}

na() {
	row "$1" "$2" "$3" 0 n/a n/a n/a n/a n/a "$4"
	printf 'bench: %-22s %-28sn/a (%s)\n' "$2" "$3" "$4"
}

for n in $SIZES; do
	in=$B/speakers-$n.xml
	for p in $PRODUCTS; do
		out=$B/out/$p-$n
		mkdir -p "$out"
		if [ -n "$pdfgen_na" ]; then
			na "$p/$n" "pdfgen $p" "$n speakers" "$pdfgen_na"
			continue
		fi
		bench "$p/$n" "pdfgen $p" "$n speakers" "$(runs_for "$n")" \
			"$out/$p.pdf" "$PDFGEN" "$p" -o "$out" "$in"
	done
done

out=$B/out/example
mkdir -p "$out"
if [ -n "$pdfgen_na" ]; then
	na example "pdfgen all" "example ($EXAMPLE)" "$pdfgen_na"
else
	bench example "pdfgen all" "example ($EXAMPLE)" 5 \
		"$out/booklet.pdf $out/signs.pdf $out/badges.pdf $out/poster.pdf" \
		"$PDFGEN" all -o "$out" "$EXAMPLE"
fi

# --- timetables -------------------------------------------------------------
# A conference of the shape the timetables are made for: 900 sessions over
# two days in 30 rooms (tests/bench/gen_schedule.py).  Targets: "all",
# poster included, within 2 s and 128 MiB; the pocket programme (booklet
# --content titles) within 160 A5 pages.

TT=$B/timetable-900.xml
TT_WHAT="900 sessions, 2 days, 30 rooms"
$PY tests/bench/gen_schedule.py -o "$TT" || die "gen_schedule.py failed"
if [ -n "$pdfgen_na" ]; then
	na tt-all "pdfgen all" "$TT_WHAT" "$pdfgen_na"
	na tt-titles "pdfgen booklet --content titles" "$TT_WHAT" "$pdfgen_na"
else
	out=$B/out/timetable-all
	mkdir -p "$out"
	bench tt-all "pdfgen all" "$TT_WHAT" 5 \
		"$out/booklet.pdf $out/signs.pdf $out/badges.pdf $out/poster.pdf" \
		"$PDFGEN" all -o "$out" "$TT"
	out=$B/out/timetable-titles
	mkdir -p "$out"
	bench tt-titles "pdfgen booklet --content titles" "$TT_WHAT" 5 \
		"$out/booklet.pdf" "$PDFGEN" booklet --content titles -o "$out" \
		"$TT"
fi

# --- pathological inputs --------------------------------------------------
# Valid programmes made from the patterns in tests/hardening/gen.sh, each
# rendered by "pdfgen all".  Target: each within 10 s and 512 MiB.

. tests/hardening/gen.sh
HARD_ALL="forums-5000 name-10k description-1mb schedule-900 forums-20000
 speakers-4000 person-4500 title-64k name-1mb errors-2000"
HARD=${BENCH_HARD:-$HARD_ALL}
[ "$HARD" = none ] && HARD=""

# hard_input NAME: writes that programme to stdout and its description to
# $B/hard-NAME.what.
hard_input() {
	case $1 in
	forums-5000)
		echo "5,000 forums in one slot" >"$B/hard-$1.what"
		many_forums 5000 ;;
	name-10k)
		echo "10,000-letter name, title and word" >"$B/hard-$1.what"
		w=$(repeat 10000 a)
		programme Anna "$w" "Titel $w" "Text $w Ende" ;;
	description-1mb)
		echo "1 MB description" >"$B/hard-$1.what"
		programme Anna Weiß Titel "$(repeat 15200 \
		    'Verwaltung digital gestalten mit Bürgerinnen, Ämtern und Kommunen. ')" ;;
	schedule-900)
		echo "schedule.xml, 900 talks in 60 rooms" >"$B/hard-$1.what"
		$PY tests/schedule/make_big.py ;;
	forums-20000)
		echo "20,000 forums, 20,000 people" >"$B/hard-$1.what"
		crowd 20000 20000 1 ;;
	speakers-4000)
		echo "one forum of 4,000 speakers" >"$B/hard-$1.what"
		crowd 1 4000 4000 ;;
	person-4500)
		echo "one person in 4,500 forums" >"$B/hard-$1.what"
		crowd 4500 1 1 ;;
	title-64k)
		echo "64 KB forum title" >"$B/hard-$1.what"
		programme Anna Weiß "$(repeat 6500 'Verwaltung ')" Text ;;
	name-1mb)
		echo "1 MB name" >"$B/hard-$1.what"
		programme Anna "$(repeat 100000 'Weißmannn ')" Titel Text ;;
	errors-2000)
		# pdfgen check, which exits 1: measured as exiting 0.
		echo "one line, 2,000 errors (check)" >"$B/hard-$1.what"
		crowd 2000 1 1 | sed 's/ref="p0"/ref="nobody"/g' | tr -d '\n' ;;
	*)
		die "BENCH_HARD: unknown input '$1' (known: $HARD_ALL)" ;;
	esac
}

for h in $HARD; do
	in=$B/hard-$h.xml
	hard_input "$h" >"$in"
	out=$B/out/hard-$h
	rm -rf "$out"
	if [ -n "$pdfgen_na" ]; then
		na "hard/$h" "pdfgen all" "$(cat "$B/hard-$h.what")" "$pdfgen_na"
		continue
	fi
	if [ "$h" = errors-2000 ]; then
		bench "hard/$h" "pdfgen check" "$(cat "$B/hard-$h.what")" 1 \
			"" sh -c '"$0" check "$1" 2>/dev/null; [ $? -eq 1 ]' \
			"$PDFGEN" "$in"
		continue
	fi
	bench "hard/$h" "pdfgen all" "$(cat "$B/hard-$h.what")" 1 \
		"$out/booklet.pdf $out/signs.pdf $out/badges.pdf $out/poster.pdf" \
		"$PDFGEN" all -o "$out" "$in"
done

n=10000
case " $SIZES " in
*" $n "*) ;;
*) n=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -n1) ;;
esac

# refs SUFFIX TSV INPUT RUNS: the references drawing the badges of TSV.
refs() {
	sfx=$1 tsv=$2 input=$3 runs=$4
	bench "ref-libharu$sfx" "bare libharu (C)" "$input" "$runs" \
		"$B/ref-libharu$sfx.pdf" "$B/ref_libharu" "$tsv" \
		"$B/ref-libharu$sfx.pdf" $FONTS
	bench "ref-libharu-n$sfx" "bare libharu, pages not deflated" \
		"$input" "$runs" "$B/ref-libharu-n$sfx.pdf" "$B/ref_libharu" -n \
		"$tsv" "$B/ref-libharu-n$sfx.pdf" $FONTS
	bench "ref-libharu-fix$sfx" "bare libharu with pdfgen's libharu repairs" \
		"$input" "$runs" "$B/ref-libharu-fix$sfx.pdf" \
		"$B/ref_libharu_fix" "$tsv" "$B/ref-libharu-fix$sfx.pdf" $FONTS
	if $PY -c 'import reportlab' 2>/dev/null; then
		bench "ref-reportlab$sfx" "reportlab $($PY -c \
			'import reportlab; print(reportlab.Version)')" \
			"$input" "$runs" "$B/ref-reportlab$sfx.pdf" $PY \
			tests/bench/ref_reportlab.py "$tsv" \
			"$B/ref-reportlab$sfx.pdf" $FONTS
	else
		na "ref-reportlab$sfx" reportlab "$input" \
		    "python3-reportlab is not installed (.ci/install-deps bench)"
	fi
}

# pdfgen_badges1 KEY INPUT XML: the same work as the references, fronts
# only (tests/bench/badges-one-sided.xml: the default layout without its
# duplex back sheets).
pdfgen_badges1() {
	out=$B/out/badges1$1
	mkdir -p "$out"
	if [ -n "$pdfgen_na" ]; then
		na "badges1$1" "pdfgen badges, one-sided" "$2" "$pdfgen_na"
		return
	fi
	bench "badges1$1" "pdfgen badges, one-sided" "$2" "$4" \
		"$out/badges.pdf" "$PDFGEN" badges \
		--layout tests/bench/badges-one-sided.xml -o "$out" "$3"
}

pdfgen_badges1 "" "$n speakers" "$B/speakers-$n.xml" "$(runs_for "$n")"
refs "" "$B/speakers-$n.tsv" "$n speakers" "$(runs_for "$n")"

# --- a real-size conference -----------------------------------------------
# 900 sessions over 2 days in 30 rooms, 900 speakers of whom about one in
# ten has a Cyrillic and one in fifteen a Chinese, Japanese or Korean name
# (fallback faces on every product): all products, and the badges against
# the references drawing the same 900.

WORLD=$B/world-900
WHAT="900 sessions, 900 speakers, CJK/Cyrillic"
$PY tests/bench/gen_schedule.py --sessions 900 --days 2 --rooms 30 \
	--speakers 900 --world-names -o "$WORLD.xml" --tsv "$WORLD.tsv" ||
	die "gen_schedule.py failed"
out=$B/out/world-all
rm -rf "$out"
if [ -n "$pdfgen_na" ]; then
	na world "pdfgen all" "$WHAT" "$pdfgen_na"
else
	bench world "pdfgen all" "$WHAT" "$(runs_for 900)" \
		"$out/booklet.pdf $out/signs.pdf $out/badges.pdf $out/poster.pdf" \
		"$PDFGEN" all -o "$out" "$WORLD.xml"
fi
pdfgen_badges1 "-world" "$WHAT" "$WORLD.xml" "$(runs_for 900)"
refs "-world" "$WORLD.tsv" "$WHAT" "$(runs_for 900)"

# --- report --------------------------------------------------------------

# get KEY FIELD: one field (1-based, as in row) of the row KEY.
get() {
	awk -F'\t' -v k="$1" -v f="$2" '$1 == k { print $f }' "$ROWS"
}

# verdict OK: PASS when OK is 1, MISS when 0, n/a otherwise.
verdict() {
	case $1 in
	1) echo PASS ;;
	0) echo MISS ;;
	*) echo n/a ;;
	esac
}

# check EXPR A B: evaluates EXPR (awk, with a and b) if A and B are numbers.
check() {
	case "$2$3" in
	*n/a*|"") echo n/a ;;
	*) verdict "$(awk -v a="$2" -v b="$3" \
	    "BEGIN { print ($1) ? 1 : 0 }")" ;;
	esac
}

# show FORMAT VALUE [DIVISOR]: VALUE / DIVISOR in printf FORMAT, or n/a.
show() {
	case $2 in
	n/a|"") echo n/a ;;
	*) awk -v a="$2" -v d="${3:-1}" -v f="$1" \
	    'BEGIN { printf f, a / d }' ;;
	esac
}

ratio() {
	case "$1$2" in
	*n/a*|"") echo n/a ;;
	*) show '%.2f×' "$1" "$2" ;;
	esac
}

fonts_check() {
	pdf=$1
	[ -r "$pdf" ] || { echo "n/a"; return; }
	pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 {
		n++; if (seen[$1]++) dup++
		if ($(NF - 4) != "yes" || $(NF - 3) != "yes") bad++
		names = names (names ? ", " : "") $1
	} END {
		printf "%s\t%d font(s): %s%s%s\n",
		    (n && !dup && !bad) ? "PASS" : "MISS", n, names,
		    dup ? "; embedded more than once" : "",
		    bad ? "; not embedded or not subset" : ""
	}'
}

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
version=$($PDFGEN --version 2>/dev/null | grep . || echo "pdfgen (no version)")
hpdf=$(dpkg-query -W -f='${Version}' libhpdf-dev 2>/dev/null)
{
	echo "# pdfgen benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $cpu," \
		"$version, libharu $hpdf, font $FONT; load average" \
		"$load at the start, $(cut -d' ' -f1-3 /proc/loadavg) at" \
		"the end (above the core count, wall times suffer more than" \
		"CPU times)."
	echo "Wall and CPU (user + system) seconds are medians of the runs" \
		"after one warm-up run; memory is the highest peak resident" \
		"set of the runs, of the largest process and of all" \
		"processes together (their proportional set sizes summed" \
		"every 20 ms: pdfgen all renders its products side by side;" \
		"of a run shorter than a second, a lower bound); KB = 1000" \
		"bytes."
	echo
	echo "| product | input | runs | wall s | CPU s | peak MiB" \
		"| all processes MiB | PDF KB | pages | note |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
	awk -F'\t' '{
		if ($5 == "n/a")
			printf "| %s | %s | – | n/a | n/a | n/a | n/a | n/a" \
			    " | n/a | %s |\n", $2, $3, $10
		else
			printf "| %s | %s | %d | %.3f | %.3f | %.1f | %.1f" \
			    " | %.1f | %d | %s |\n", $2, $3, $4, $5, $6,
			    $7 / 1024, $11 / 1024, $8 / 1000, $9, $10
	}' "$ROWS"
	echo

	echo "| target ($n speakers unless said; verdicts on wall time)" \
		"| measured | verdict |"
	echo "|---|---:|---|"
	for k in "" -world; do
		bw=$(get "badges1$k" 5) bc=$(get "badges1$k" 6)
		lw=$(get "ref-libharu$k" 5) lc=$(get "ref-libharu$k" 6)
		rw=$(get "ref-reportlab$k" 5) rc=$(get "ref-reportlab$k" 6)
		if [ -z "$k" ]; then
			what="badges" floor=1.5
			echo "| badges at least 1.3× faster than reportlab" \
				"(wall; CPU) |" \
				"$(ratio "$rw" "$bw"); $(ratio "$rc" "$bc") |" \
				"$(check 'a / b >= 1.3' "$rw" "$bw") |"
		else
			what="$WHAT: badges" floor=2
			echo "| $what, reportlab's time over ours" \
				"(wall; CPU; for information) |" \
				"$(ratio "$rw" "$bw"); $(ratio "$rc" "$bc") | – |"
		fi
		echo "| $what at most ${floor}× the bare libharu floor" \
			"(wall; CPU) |" \
			"$(ratio "$bw" "$lw"); $(ratio "$bc" "$lc") |" \
			"$(check "a / b <= $floor" "$bw" "$lw") |"
	done
	ww=$(get world 5)
	echo "| $WHAT: pdfgen all under 1 s |" \
		"$(show '%.3f s' "$ww") | $(check 'a < 1' "$ww" 0) |"
	for p in $PRODUCTS; do
		t1=$(get "$p/1000" 5)
		t2=$(get "$p/10000" 5)
		[ -z "$t1" ] || [ -z "$t2" ] && continue
		c1=$(get "$p/1000" 6)
		c2=$(get "$p/10000" 6)
		echo "| $p: 10× the speakers (1,000 → 10,000) at most 12×" \
			"the time (wall; CPU) |" \
			"$(ratio "$t2" "$t1"); $(ratio "$c2" "$c1") |" \
			"$(check 'a / b <= 12' "$t2" "$t1") |"
	done
	ew=$(get example 5)
	echo "| example programme, every PDF, under 60 ms |" \
		"$(show '%.1f ms' "$ew" 0.001) | $(check 'a < 0.06' "$ew" 0) |"
	tw=$(get tt-all 5)
	tr=$(get tt-all 7)
	echo "| $TT_WHAT: pdfgen all, poster included, under 2 s" \
		"and 128 MiB |" \
		"$(show '%.2f s' "$tw"), $(show '%.0f MiB' "$tr" 1024) |" \
		"$(check 'a < 2 && b < 128 * 1024' "$tw" "$tr") |"
	tp=$(get tt-titles 9)
	echo "| $TT_WHAT: booklet --content titles at most 160 A5 pages |" \
		"$(show '%d pages' "$tp") | $(check 'a <= 160' "$tp" 0) |"
	rss=$(get "badges/$n" 7)
	echo "| badges (both sides): peak memory under 64 MiB |" \
		"$(show '%.1f MiB' "$rss" 1024) |" \
		"$(check 'a < 64 * 1024' "$rss" 0) |"
	for m in $SIZES; do
		by=$(get "badges/$m" 8)
		echo "| badges, $m speakers: PDF under 200 KB + 1 KB per" \
			"badge ($((200 + m)) KB) |" \
			"$(show '%.1f KB' "$by" 1000) | $(check 'a <= (200 + b) * 1000' "$by" "$m") |"
	done
	for h in $HARD; do
		hw=$(get "hard/$h" 5)
		hr=$(get "hard/$h" 11)
		echo "| $(cat "$B/hard-$h.what"), every PDF: under 10 s" \
			"and 512 MiB (all processes) |" \
			"$(show '%.1f s' "$hw"), $(show '%.0f MiB' "$hr" 1024) |" \
			"$(check 'a < 10 && b < 512 * 1024' "$hw" "$hr") |"
	done
	fc=$(fonts_check "$B/out/badges-$n/badges.pdf")
	echo "| badges: fonts embedded once and subset |" \
		"$(echo "$fc" | cut -f2) | $(echo "$fc" | cut -f1) |"
	echo
	echo "The references draw the same badges as \"pdfgen badges," \
		"one-sided\" (tests/bench/badges-one-sided.xml: the default" \
		"layout without its duplex back sheets) on the same sheet with" \
		"the same faces: band with the category, title, name in bold," \
		"organisation, role in italic, forum line, cut marks; each line" \
		"centred at a fixed size (measured, never fitted or wrapped);" \
		"CJK and Hangul names in the fallback faces pdfgen picks," \
		"loaded when first needed: tests/bench/ref_libharu.c" \
		"(HPDF_COMP_ALL, embedded TrueType, UTF-8) and" \
		"tests/bench/ref_reportlab.py (TTFont, page compression)." \
		"The targets compare with the first; \"pages not deflated\"" \
		"(ref_libharu -n, only fonts and metadata compressed) is for" \
		"information: deflate at zlib's default level is much of the" \
		"floor's time; so is \"with pdfgen's libharu repairs\"" \
		"(pdfgen/libharu_fix.c linked in: the floor of libharu as" \
		"pdfgen uses it).  The default layout's rows print twice the pages."
	if [ -n "$build_error" ]; then
		echo
		echo "build/pdfgen did not build: \`$build_error\`" \
			"(build/bench/build.log)."
	fi
} >"$RESULTS"

echo
cat "$RESULTS"

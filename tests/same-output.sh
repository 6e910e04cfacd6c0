#!/bin/sh
# Same output: renders the same inputs with two builds of pdfgen and compares
# every byte, so that a refactor can show it changes nothing.
#
#   sh tests/same-output.sh [BASE [NEW]]
#
# BASE and NEW are git revisions, or "." for the working tree (tracked files
# and untracked ones git does not ignore).  Defaults: BASE is HEAD, NEW is
# the working tree; after committing, "HEAD~1 HEAD" checks the commit.
# Each side is built (release flags) in its own copy under
# build/same-output/, where builds of commits are kept for next time.
#
# Rendered, from each side's own tree (layouts and inputs of that side), with
# SOURCE_DATE_EPOCH set:
#   - input/programme.xml, the programmes among tests/samples/*.xml,
#     tests/signs/*.xml and tests/e2e/*.xml, and any file named in
#     $SAME_OUTPUT_INPUTS (space-separated absolute paths, e.g. the FOSDEM
#     sample);
#   - for each: "all" with the default layouts, "check", "convert", and
#     every layout (layouts/*.xml and the layouts among those test files)
#     with its product's command; booklet also with --impose, badges also
#     with --skip 1 and with --confirmed-only --no-placeholders.
# Compared: every PDF and XML written, stdout, stderr and the exit status.
# Prints one line per difference and a summary; exits 1 when anything
# differs, 2 when a side cannot be built.
set -u
base=${1:-HEAD}
new=${2:-.}
top=$(git rev-parse --show-toplevel) || exit 2
cd "$top" || exit 2
: "${SOURCE_DATE_EPOCH:=1700000000}"
export SOURCE_DATE_EPOCH
work=build/same-output
mkdir -p "$work"

# prepare SIDE REV: a built copy of REV in $work/SIDE (a link to a cache).
prepare() {
	side=$1 rev=$2
	if [ "$rev" = . ]; then
		# A fresh copy each time, but the last build/ kept: tar keeps
		# the files' times, so make rebuilds only what changed.
		dir=$work/tree
		[ -d "$dir/build" ] && mv "$dir/build" "$work/tree-build"
		rm -rf "$dir" && mkdir -p "$dir" || return 1
		[ -d "$work/tree-build" ] && mv "$work/tree-build" "$dir/build"
		git ls-files -co --exclude-standard | while IFS= read -r f; do
			[ -f "$f" ] && printf '%s\n' "$f"
		done | tar -cf - -T - | tar -xf - -C "$dir" || return 1
	else
		id=$(git rev-parse --verify -q "$rev^{commit}") ||
			{ echo "same-output: unknown revision '$rev'" >&2; return 1; }
		dir=$work/$id
		if [ ! -x "$dir/build/pdfgen" ]; then
			rm -rf "$dir" && mkdir -p "$dir" || return 1
			git archive "$id" | tar -xf - -C "$dir" || return 1
		fi
	fi
	nice make -s -C "$dir" -j2 build/pdfgen >"$work/$side.build.log" 2>&1 ||
		{ echo "same-output: cannot build $rev:"; tail -n 20 "$work/$side.build.log"; return 1; } >&2
	rm -f "$work/$side"
	ln -s "$(cd "$dir" && pwd)" "$work/$side"
}

# render DIR: every run into DIR/out/NAME.{pdf,...,stdout,stderr,status}.
render() {
	(
	cd "$1" || exit 1
	rm -rf out && mkdir out || exit 1
	# Programmes and schedules are inputs; layout files among them are
	# used like the shipped ones.
	inputs="input/programme.xml" layouts=""
	for f in tests/samples/*.xml tests/signs/*.xml tests/e2e/*.xml; do
		if grep -q '<layout' "$f"; then
			layouts="$layouts $f"
		elif [ -f "$f" ]; then
			inputs="$inputs $f"
		fi
	done
	inputs="$inputs ${SAME_OUTPUT_INPUTS:-}"
	for in in $inputs; do
		name=$(echo "$in" | tr '/' '_')
		one "$name.all" all "$in"
		one "$name.check" check "$in"
		one "$name.convert" convert -o "out/$name.convert.xml" "$in"
		for l in layouts/*.xml $layouts; do
			p=$(sed -n 's/.*<layout[^>]* product="\([a-z]*\)".*/\1/p' "$l" | head -n 1)
			[ -n "$p" ] || continue
			lname=$name.$(basename "$l" .xml)
			one "$lname" "$p" --layout "$l" "$in"
			case $p in
			booklet) one "$lname.impose" booklet --impose --layout "$l" "$in" ;;
			badges)
				one "$lname.skip" badges --skip 1 --layout "$l" "$in"
				one "$lname.confirmed" badges --confirmed-only \
					--no-placeholders --layout "$l" "$in" ;;
			esac
		done
	done
	)
}

# one NAME COMMAND ARGS...: runs build/pdfgen, keeping what it wrote (a
# rendering command writes into out/NAME/), its output and its status.
one() {
	n=$1 c=$2; shift 2
	case $c in
	check|convert) set -- "$c" "$@" ;;
	*) mkdir -p "out/$n"; set -- "$c" -o "out/$n" "$@" ;;
	esac
	build/pdfgen "$@" >"out/$n.stdout" 2>"out/$n.stderr"
	echo $? >"out/$n.status"
}

prepare base "$base" || exit 2
prepare new "$new" || exit 2
echo "same-output: rendering with $base ..."
render "$work/base"
echo "same-output: rendering with $new ..."
render "$work/new"

same=0 differ=0
list=$( (cd "$work/base/out" && find . -type f; cd "../../new/out" && find . -type f) | sort -u)
for f in $list; do
	a=$work/base/out/$f b=$work/new/out/$f
	if [ ! -f "$a" ]; then
		echo "only with $new: $f"; differ=$((differ + 1))
	elif [ ! -f "$b" ]; then
		echo "only with $base: $f"; differ=$((differ + 1))
	elif cmp -s "$a" "$b"; then
		same=$((same + 1))
	else
		echo "differs: $f"; differ=$((differ + 1))
	fi
done
pdfs=$(echo "$list" | grep -c '\.pdf$')
echo "same-output: $base -> $new: $same files identical, $differ differ ($pdfs PDFs among them all)"
[ "$differ" -eq 0 ]

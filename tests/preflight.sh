#!/bin/sh
# Preflight: reads each PDF with the four strict readers a print shop's
# RIP and preflight are built on, and prints every message they give:
#
#   qpdf       qpdf --check (exit status and every warning)
#   poppler    pdfinfo, pdffonts, pdftotext: silent on stderr
#   MuPDF      mutool clean -d (decompresses every stream): silent
#   Ghostscript gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage (draws every
#              page): silent
#
# usage: sh tests/preflight.sh [-l N] FILE.pdf...
#
# With -l N, poppler and Ghostscript read the first N pages of each file
# only (qpdf and MuPDF still read every object): for the tests' long
# documents, whose pages are drawn by the same code as their first ones.
#
# Each message is printed as "FILE: TOOL: MESSAGE".  Exit status: 0 when
# every reader was silent on every file, 1 when any said anything (or a
# tool is missing), 2 on usage errors.
set -u
last=""
if [ "${1:-}" = -l ] && [ $# -ge 2 ]; then
	last=$2
	shift 2
fi
if [ $# -eq 0 ]; then
	echo "usage: sh tests/preflight.sh [-l N] FILE.pdf..." >&2
	exit 2
fi
for tool in qpdf pdfinfo pdffonts pdftotext mutool gs; do
	command -v $tool >/dev/null 2>&1 || {
		echo "preflight: $tool is missing (.ci/install-deps installs it)"
		exit 1
	}
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0

# say FILE TOOL LOG: prints LOG's lines as FILE: TOOL: LINE; none: silent.
say() {
	[ -s "$3" ] || return 0
	while IFS= read -r line || [ -n "$line" ]; do
		printf '%s: %s: %s\n' "$1" "$2" "$line"
	done <"$3"
	status=1
}

# exited FILE TOOL CODE: a non-zero exit is a message too.
exited() {
	[ "$3" -eq 0 ] && return 0
	echo "$1: $2: exit status $3"
	status=1
}

# The readable files stay in "$@".
for f in "$@"; do
	shift
	if [ -r "$f" ]; then
		set -- "$@" "$f"
	else
		echo "$f: cannot read"
		status=1
	fi
done

# ghostscript FILE...: draws every page (or the first $last) of the files.
# Ghostscript writes its errors to stdout, some warnings to stderr.
ghostscript() {
	gs -q -dNOPAUSE -dBATCH -dSAFER ${last:+-dLastPage=$last} \
	    -sDEVICE=nullpage "$@" >"$tmp/log" 2>&1 </dev/null
}

for f in "$@"; do
	# qpdf --check describes the file on stdout; problems go to stderr
	# and make the exit status 2 (errors) or 3 (warnings).
	qpdf --check "$f" >"$tmp/out" 2>"$tmp/log"; rc=$?
	say "$f" qpdf "$tmp/log"
	[ $rc -ne 0 ] && say "$f" qpdf "$tmp/out"
	exited "$f" qpdf $rc
	pdfinfo "$f" >/dev/null 2>"$tmp/log"; rc=$?
	say "$f" pdfinfo "$tmp/log"
	exited "$f" pdfinfo $rc
	pdffonts ${last:+-l $last} "$f" >/dev/null 2>"$tmp/log"; rc=$?
	say "$f" pdffonts "$tmp/log"
	exited "$f" pdffonts $rc
	pdftotext ${last:+-l $last} "$f" - >/dev/null 2>"$tmp/log"; rc=$?
	say "$f" pdftotext "$tmp/log"
	exited "$f" pdftotext $rc
	mutool clean -d "$f" "$tmp/clean.pdf" >"$tmp/log" 2>&1; rc=$?
	say "$f" mutool "$tmp/log"
	exited "$f" mutool $rc
done

# Ghostscript takes half a second to start: it reads all files at once,
# and each file again only when it said something, to tell which one.
[ $# -eq 0 ] && exit $status
ghostscript "$@" && [ ! -s "$tmp/log" ] && exit $status
for f in "$@"; do
	ghostscript "$f"; rc=$?
	say "$f" gs "$tmp/log"
	exited "$f" gs $rc
done
exit $status

#!/bin/sh
# Writes tests/fuzz/xml.dict, the libFuzzer dictionary of the XML targets:
# XML syntax, and every element, attribute and enumerated value of our
# schemas and of the schedule.xml format.  Run it when a schema changes.
set -eu
cd "$(dirname "$0")/../.."
{
	echo "# libFuzzer dictionary of the XML targets (tests/fuzz/make-dict.sh)"
	for t in '<?xml version="1.0" encoding="UTF-8"?>' '<!DOCTYPE' '<!ENTITY' \
	    '<![CDATA[' ']]>' '<!--' '-->' '</' '/>' '="' 'xmlns="' \
	    'urn:pdfgen:programme:1' 'urn:pdfgen:layout:1' '&amp;' '&#' \
	    'xml:lang="' 'T10:00:00+01:00' '00:30' '2025-03-17' 'mm' 'pt' \
	    '#FF0000' 'cmyk(' '\xc2\xad' '\xe2\x80\x8b' '\xcc\x81'; do
		printf '"%s"\n' "$(printf '%s' "$t" | sed 's/"/\\"/g')"
	done
	{
		sed -n 's/.*name="\([^"]*\)".*/\1/p; s/.*value="\([^"]*\)".*/\1/p' \
		    input/programme.xsd layouts/layout.xsd
		echo "schedule conference acronym title days day date start end
		    timeslot duration room event guid slug type language
		    abstract description persons person track url version
		    subtitle logo links link attachments recording optout id
		    index"
	} | tr ' \t' '\n\n' | grep -v '^$' |
	    grep -v '[][\\{}()|^*+?]' |	# regular expressions of the schemas
	    sort -u | sed 's/.*/"&"/'
} > tests/fuzz/xml.dict

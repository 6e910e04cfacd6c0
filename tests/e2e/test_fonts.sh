# Fonts found without reading fontconfig's configuration: the answers the
# build wrote down (pdfgen/fontanswers.h) hold while nothing changed.

# fontconfig prints what it loads when FC_DEBUG has 1024 (FC_DBG_CONFIG):
# nothing with the build's answers; with another HOME (fontconfig would
# read other files) it reads its configuration, and the PDFs are the same.
t_fonts_from_the_build() {
	export SOURCE_DATE_EPOCH=1700000000
	mkdir -p "$T/built" "$T/asked" "$T/home"
	FC_DEBUG=1024 run 0 "$PDFGEN" all -o "$T/built" input/programme.xml ||
	    return 1
	lacks "$T/out" "Loading config file" || return 1
	HOME=$T/home FC_DEBUG=1024 run 0 "$PDFGEN" all -o "$T/asked" \
	    input/programme.xml || return 1
	contains "$T/out" "Loading config file" || return 1
	for p in booklet signs badges poster; do
		cmp "$T/built/$p.pdf" "$T/asked/$p.pdf" ||
		    fail "$p.pdf differs with fontconfig asked" || return 1
	done
}

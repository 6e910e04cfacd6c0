#!/bin/sh
# Writes standard input as a C string constant named $1 (and $1_len).
name=$1
printf 'extern const char %s[];\nextern const unsigned long %s_len;\n' "$name" "$name"
printf 'const char %s[] =\n' "$name"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/'
printf ';\nconst unsigned long %s_len = sizeof(%s) - 1;\n' "$name" "$name"

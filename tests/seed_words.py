#!/usr/bin/env python3
"""Checks that a programme XML file holds every word of its seed text.

Usage: python3 tests/seed_words.py SEED.txt PROGRAMME.xml

The seed is the user's plain-text programme (../shared/seeds/000_*.txt); the
XML is its transcription into the pdfgen format (input/programme.xml).  The
transcription must lose nothing and add nothing, so for every forum the
words of the seed section and the words of the XML forum must be the SAME
sequence (not merely a subsequence), and some markers of the seed must be
expressed as markup instead of text.

Excluded from the word comparison, because the XML says them as markup:
  "Forum N:"               the forum header      -> <forum number="N">
  "U.a. mit:"              end of a description  -> <speakers complete="false">
  "(angefragt)"            after a speaker       -> <person status="invited">
  "•"                      a bullet before a speaker line
  "N.N."                   a placeholder's name  -> <placeholder>
  "(ausgestaltet von" ")"  around the host at the end of a title
                                                 -> <host>X</host>
A title that reads "Forum ausgestaltet von X" keeps those words as its
title; its <host>X</host> then repeats the title's last words and is not
counted twice.  Commas at the end of a word are dropped on both sides,
because the seed writes "Name, Role, Organisation" where the XML has
separate elements.

Beyond the words, these are checked exactly, character for character:
  - each description line of the seed is one <p> (without "U.a. mit:");
  - each speaker line is "[Title ]Given Family[, Role][, Organisation]"
    (or "N.N., Organisation") of the speaker in that position, followed by
    " (angefragt)" exactly when the person's status is invited;
  - complete="false" exactly when the description ends with "U.a. mit:";
  - <host> exactly when the title says "ausgestaltet von";
  - the heading before the first forum is in the event title or subtitle.

Exit status 0 when everything matches, 1 with a list of problems otherwise,
2 on a usage error.  Standard library only.
"""

import re
import sys
import xml.etree.ElementTree as ET

NS = {"p": "urn:pdfgen:programme:1"}
HEADER = re.compile(r"^Forum (\d+): (.*)$")
HOSTED_SUFFIX = re.compile(r"^(.*) \(ausgestaltet von (.+)\)$")
HOSTED_TITLE = re.compile(r"^Forum ausgestaltet von (.+)$")
MORE = " U.a. mit:"
INVITED = " (angefragt)"
BULLET = "• "
NN = "N.N., "


def collapse(text):
	"""White space collapsed as the pdfgen model does it."""
	return " ".join((text or "").split())


def words(text):
	"""The words of a text, trailing commas dropped (field separators)."""
	out = []
	for w in text.split():
		w = w.rstrip(",")
		if w:
			out.append(w)
	return out


def read_seed(path):
	"""(preamble lines, [(number, header text, [body lines])])."""
	with open(path, encoding="utf-8") as f:
		lines = f.read().split("\n")
	preamble, forums = [], []
	for line in lines:
		m = HEADER.match(line)
		if m:
			forums.append((int(m.group(1)), m.group(2), []))
		elif forums:
			if line.strip():
				forums[-1][2].append(line.strip())
		elif line.strip():
			preamble.append(line.strip())
	return preamble, forums


def el_text(parent, name):
	e = parent.find("p:" + name, NS)
	return None if e is None else collapse("".join(e.itertext()))


def person_line(e):
	"""How the seed writes this person, without bullet and status."""
	fields = []
	if e.tag.endswith("}placeholder"):
		name = "N.N."
	else:
		name = " ".join(t for t in (el_text(e, "title"),
		    el_text(e, "given"), el_text(e, "family")) if t)
	fields.append(name)
	for f in ("role", "organisation"):
		t = el_text(e, f)
		if t:
			fields.append(t)
	return ", ".join(fields)


def person_words(e):
	out = []
	for f in ("title", "given", "family", "role", "organisation"):
		t = el_text(e, f)
		if t:
			out += words(t)
	return out


def first_difference(a, b):
	n = 0
	while n < len(a) and n < len(b) and a[n] == b[n]:
		n += 1
	return n


def check_forum(num, header, body, forum, people, problems):
	where = "forum %d" % num

	def bad(msg):
		problems.append("%s: %s" % (where, msg))

	# The title and the host.
	seed_title, seed_host = header, None
	m = HOSTED_SUFFIX.match(header)
	if m:
		seed_title, seed_host = m.group(1), m.group(2)
	else:
		m = HOSTED_TITLE.match(header)
		if m:
			seed_host = m.group(1)
	title = el_text(forum, "title")
	host = el_text(forum, "host")
	if title != seed_title:
		bad("title is '%s', the seed says '%s'" % (title, seed_title))
	if host != seed_host:
		bad("host is '%s', the seed says '%s'" % (host, seed_host))

	# Speaker lines are the last lines of the section, one per speaker.
	speakers = forum.find("p:speakers", NS)
	refs = [] if speakers is None else \
	    [s.get("ref") for s in speakers.findall("p:speaker", NS)]
	if len(refs) > len(body):
		bad("%d speakers but only %d lines in the seed"
		    % (len(refs), len(body)))
		return []
	split = len(body) - len(refs)
	desc_lines, spk_lines = body[:split], body[split:]

	# The description: one <p> per seed line, "U.a. mit:" as an attribute.
	paras = [collapse("".join(p.itertext()))
	    for p in forum.findall("p:description/p:p", NS)]
	more = bool(desc_lines) and desc_lines[-1].endswith(MORE)
	if more:
		desc_lines = desc_lines[:-1] + [desc_lines[-1][:-len(MORE)]]
	if len(paras) != len(desc_lines):
		bad("%d description paragraphs, the seed has %d lines"
		    % (len(paras), len(desc_lines)))
	for i, (p, s) in enumerate(zip(paras, desc_lines)):
		if p != s:
			n = first_difference(p, s)
			bad("paragraph %d differs at character %d: xml '%s', "
			    "seed '%s'" % (i + 1, n, p[n:n + 40], s[n:n + 40]))
	complete = speakers is None or \
	    speakers.get("complete", "true") in ("true", "1")
	if more == complete:
		bad("speakers complete=%s but the seed %s 'U.a. mit:'"
		    % ("true" if complete else "false",
		    "has" if more else "has no"))

	# The speakers, in order, exactly as the seed writes them.
	xml_words = words(title or "")
	if host and not (title or "").endswith("ausgestaltet von " + host):
		xml_words += words(host)
	for p in paras:
		xml_words += words(p)
	for ref, line in zip(refs, spk_lines):
		e = people.get(ref)
		if e is None:
			bad("speaker '%s' is not in <people>" % ref)
			continue
		if line.startswith(BULLET):
			line = line[len(BULLET):]
		invited = line.endswith(INVITED)
		if invited:
			line = line[:-len(INVITED)]
		if (e.get("status", "confirmed") == "invited") != invited:
			bad("speaker '%s' has status %s, the seed %s '(angefragt)'"
			    % (ref, e.get("status", "confirmed"),
			    "says" if invited else "does not say"))
		if person_line(e) != line:
			bad("speaker '%s' reads '%s', the seed says '%s'"
			    % (ref, person_line(e), line))
		xml_words += person_words(e)
	return xml_words


def seed_words(header, body):
	"""The seed section's words with the markers removed."""
	out = []
	m = HOSTED_SUFFIX.match(header)
	out += words(m.group(1)) + words(m.group(2)) if m else words(header)
	for line in body:
		if line.startswith(BULLET):
			line = line[len(BULLET):]
		if line.startswith(NN):
			line = line[len(NN):]
		for marker in (MORE, INVITED):
			if line.endswith(marker):
				line = line[:-len(marker)]
		out += words(line)
	return out


def main(argv):
	if len(argv) != 3:
		sys.stderr.write("usage: seed_words.py SEED.txt PROGRAMME.xml\n")
		return 2
	preamble, seed_forums = read_seed(argv[1])
	root = ET.parse(argv[2]).getroot()
	problems = []
	if root.tag != "{%s}programme" % NS["p"]:
		problems.append("root element is '%s'" % root.tag)

	people = {}
	for e in root.findall("p:people/*", NS):
		people[e.get("id")] = e
	forums = {}
	for f in root.findall("p:forums/p:forum", NS):
		forums[int(f.get("number"))] = f

	event = [el_text(root.find("p:event", NS), t) or ""
	    for t in ("title", "subtitle")]
	for line in preamble:
		if line not in event:
			problems.append("seed heading '%s' is not the event title "
			    "or subtitle" % line)

	nums = [n for n, _, _ in seed_forums]
	if sorted(forums) != sorted(nums):
		problems.append("xml forums %s, seed forums %s"
		    % (sorted(forums), nums))
	total = 0
	for num, header, body in seed_forums:
		forum = forums.get(num)
		if forum is None:
			continue
		got = check_forum(num, header, body, forum, people, problems)
		want = seed_words(header, body)
		total += len(want)
		if got != want:
			n = first_difference(got, want)
			problems.append("forum %d: word %d differs: xml %s, "
			    "seed %s" % (num, n + 1, got[n:n + 6], want[n:n + 6]))

	for p in problems:
		print(p)
	if problems:
		print("FAIL: %d problems" % len(problems))
		return 1
	print("ok: %d forums, %d seed words, all in the xml in order"
	    % (len(seed_forums), total))
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))

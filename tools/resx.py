#!/usr/bin/env python3
"""Builds the UI resource files from the translation tables.

Keys are the Vietnamese text (the default UI language); each src/Workbench/Resources/*.tsv line is
`Vietnamese<TAB>English`. Writes SharedResource.resx (Vietnamese, neutral) and SharedResource.en.resx.
Run after editing a .tsv: python3 tools/resx.py
"""
import glob, os, sys
from xml.sax.saxutils import escape

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
res = os.path.join(root, "src", "Workbench", "Resources")
pairs = {}
for path in sorted(glob.glob(os.path.join(res, "*.tsv"))):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            sys.exit(f"{path}:{n}: expected 'Vietnamese<TAB>English'")
        vi, en = parts
        if vi in pairs and pairs[vi] != en:
            sys.exit(f"{path}:{n}: '{vi}' already translated as '{pairs[vi]}'")
        pairs[vi] = en

# The resource compiler compares names without case and drops the second of two that differ only in case (MSB3568), so the
# dropped one would show in Vietnamese in English mode: refuse it here instead.
folded = {}
for vi in sorted(pairs):
    if vi.lower() in folded and folded[vi.lower()] != vi:
        sys.exit(f"'{vi}' and '{folded[vi.lower()]}' differ only in case: the resource compiler keeps one of them; use one key")
    folded[vi.lower()] = vi

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def write(name, value_of):
    with open(os.path.join(res, name), "w", encoding="utf-8") as f:
        f.write(HEADER)
        for vi in sorted(pairs):
            f.write(f'  <data name="{escape(vi, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(value_of(vi))}</value></data>\n')
        f.write("</root>\n")

write("SharedResource.resx", lambda vi: vi)
write("SharedResource.en.resx", lambda vi: pairs[vi])
print(f"{len(pairs)} strings")

#!/usr/bin/env bash
# Makes the format variants of the Norrbotten Word draft (and of the Västerbotten Markdown) in test/fixtures/variants/
# with real tools (Debian: pandoc, libreoffice-writer or -nogui, poppler-utils, and for the
# LaTeX PDF texlive-latex-base, texlive-latex-recommended, texlive-fonts-recommended,
# lmodern). The files are committed, so the tests need none of these programs; run this
# again only to remake them, and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/fixtures/variants
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp agreements/norrbotten/samverkan-civilsamhallet/norrbotten-word-draft.txt "$WORK/draft.md"
cd "$WORK"
# The Word text read as Markdown: paragraphs, "- " lists, "1. ..." numbered items, the ^[1] footnote.
pandoc -f markdown -t docx draft.md -o pandoc.docx
pandoc -f markdown -t html -s --metadata title=" " draft.md -o pandoc.html
pandoc -f markdown -t plain draft.md -o pandoc-plain.txt
pandoc -f markdown draft.md -o latex.pdf                       # pdflatex
soffice --headless --convert-to pdf pandoc.docx >/dev/null     # LibreOffice's own layout
mv pandoc.pdf libreoffice.pdf
soffice --headless --convert-to "txt:Text (encoded):UTF8" pandoc.docx >/dev/null
mv pandoc.txt libreoffice-text-export.txt                      # one line per paragraph, no blank lines
for pdf in libreoffice latex; do
  pdftotext "$pdf.pdf" "$pdf-default.pdf.txt"
  pdftotext -raw "$pdf.pdf" "$pdf-raw.pdf.txt"
  pdftotext -layout "$pdf.pdf" "$pdf-layout.pdf.txt"
done
cd - >/dev/null
# The Västerbotten Markdown (headings with levels, areas under level-3 and level-4 headings) in Word and HTML.
cp agreements/vasterbotten/samverkan-regional-utveckling-2023-2026/vasterbotten-samverkan-2023-2026.md "$WORK/vasterbotten.md"
(cd "$WORK" && pandoc -f markdown -t docx vasterbotten.md -o vasterbotten-pandoc.docx && pandoc -f markdown -t html -s --metadata title=" " vasterbotten.md -o vasterbotten-pandoc.html)
cp "$WORK"/{pandoc.docx,pandoc.html,pandoc-plain.txt,latex.pdf,libreoffice.pdf,libreoffice-text-export.txt,vasterbotten-pandoc.docx,vasterbotten-pandoc.html} "$WORK"/*-{default,raw,layout}.pdf.txt "$OUT/"
# Markdown as pandoc writes it: the two Word documents in GFM and CommonMark, and the corpus excerpts
# (read as pandoc's Markdown) in GFM. The Markdown segmenter's fast path must read them as remark does.
mkdir -p "$OUT/markdown"
for doc in pandoc vasterbotten-pandoc; do
  for flavour in gfm commonmark; do pandoc "$OUT/$doc.docx" -t "$flavour" -o "$OUT/markdown/$doc.$flavour.md"; done
done
for excerpt in test/fixtures/corpus/*.txt test/fixtures/corpus/*.md; do
  case "$(basename "$excerpt")" in *README*) continue ;; esac
  pandoc -f markdown "$excerpt" -t gfm -o "$OUT/markdown/$(basename "${excerpt%.*}").gfm.md"
done
ls -l "$OUT"

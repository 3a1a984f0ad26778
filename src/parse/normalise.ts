/**
 * Phase 2, normalise: text as the segmenters expect it.
 *
 * Guarantee: line ends are `\n` (CRLF and lone CR converted), no byte-order
 * mark, Unicode NFC; line numbers are those of the source (a CRLF or CR line
 * end counts as one line end, as editors count it), and no word is changed.
 * The import issue adds the PDF-layout steps here (hyphenation, page numbers).
 */
export function normalise(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').normalize('NFC');
}

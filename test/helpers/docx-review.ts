/**
 * Read a Word document's tracked changes the way a reviewer resolves them:
 * every change accepted, or every change rejected. Used to check that the
 * diff's .docx gives back the new and the old text. Move marks (w:moveFrom,
 * w:moveTo, as LibreOffice writes a deletion and an insertion of the same
 * text) resolve like a deletion and an insertion.
 */
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The document XML (or another part: 'word/footnotes.xml') with every change accepted or rejected. */
async function resolvedPart(docx: Uint8Array, mode: 'accept' | 'reject', part: string): Promise<Document | null> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) return null;
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  for (const drop of mode === 'accept' ? ['del', 'moveFrom'] : ['ins', 'moveTo']) {
    const list = doc.getElementsByTagNameNS(W, drop);
    for (let i = list.length - 1; i >= 0; i--) list.item(i)!.parentNode!.removeChild(list.item(i)!);
  }
  return doc as unknown as Document;
}

/** The text of a paragraph exactly: runs' text, a line break as "\n", a tab as "\t", a footnote reference as "^[n]". */
function paragraphText(p: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === 1) {
      const el = n as unknown as Element;
      if (el.namespaceURI === W) {
        if (el.localName === 't' || el.localName === 'delText') text += el.textContent ?? '';
        else if (el.localName === 'br' || el.localName === 'cr') text += '\n';
        else if (el.localName === 'tab' && el.parentNode && (el.parentNode as Element).localName === 'r') text += '\t';
        else if (el.localName === 'footnoteReference') text += `^[${el.getAttributeNS(W, 'id')}]`;
      }
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c as unknown as Node);
  };
  walk(p);
  return text;
}

/**
 * Paragraph texts with all changes accepted ('accept') or rejected ('reject'),
 * exactly (paragraphs left empty are dropped); a table row is one text, its
 * cells joined by " | ".
 */
export async function resolvedParagraphs(docx: Uint8Array, mode: 'accept' | 'reject'): Promise<string[]> {
  const doc = await resolvedPart(docx, mode, 'word/document.xml');
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 1) {
      const el = n as unknown as Element;
      if (el.namespaceURI === W && el.localName === 'tr') {
        const cells = el.getElementsByTagNameNS(W, 'tc');
        const texts: string[] = [];
        for (let i = 0; i < cells.length; i++) texts.push(paragraphText(cells.item(i)! as unknown as Node));
        if (texts.some((t) => t !== '')) out.push(texts.join(' | '));
        return;
      }
      if (el.namespaceURI === W && el.localName === 'p') {
        const text = paragraphText(n);
        if (text !== '') out.push(text);
        return;
      }
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c as unknown as Node);
  };
  walk(doc as unknown as Node);
  return out;
}

/** Footnote texts by number, with all changes accepted or rejected (Word's separator notes left out). */
export async function resolvedFootnotes(docx: Uint8Array, mode: 'accept' | 'reject'): Promise<Map<number, string>> {
  const doc = await resolvedPart(docx, mode, 'word/footnotes.xml');
  const out = new Map<number, string>();
  if (!doc) return out;
  const notes = doc.getElementsByTagNameNS(W, 'footnote');
  for (let i = 0; i < notes.length; i++) {
    const note = notes.item(i)!;
    const id = Number(note.getAttributeNS(W, 'id'));
    if (id <= 0 || note.getAttributeNS(W, 'type')) continue;
    const text = paragraphText(note as unknown as Node).replace(/^\s+/u, '');
    if (text !== '') out.set(id, text);
  }
  return out;
}

/** How many insertions, deletions and moves the document tracks. */
export async function trackedCounts(docx: Uint8Array): Promise<{ ins: number; del: number; moves: number; comments: number }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const count = (re: RegExp) => (xml.match(re) ?? []).length;
  return { ins: count(/<w:ins /gu), del: count(/<w:del /gu), moves: count(/<w:move(?:From|To) /gu), comments: count(/<w:commentReference /gu) };
}

/**
 * Paragraphs that had text and are left empty once every change is accepted
 * or rejected: a paragraph deleted (or inserted) whole whose paragraph mark
 * was not tracked, which Word then shows as an empty line.
 */
export async function emptiedParagraphs(docx: Uint8Array, mode: 'accept' | 'reject'): Promise<number> {
  const zip = await JSZip.loadAsync(docx);
  const doc = new DOMParser().parseFromString(await zip.file('word/document.xml')!.async('string'), 'text/xml');
  const gone = mode === 'accept' ? ['del', 'moveFrom'] : ['ins', 'moveTo'];
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  let count = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i)!;
    let all = '';
    let kept = '';
    let markGoes = false;
    const walk = (n: Node, dropped: boolean, inMark: boolean) => {
      if (n.nodeType === 1) {
        const el = n as unknown as Element;
        if (el.namespaceURI === W && gone.includes(el.localName)) {
          if (inMark) markGoes = true;
          dropped = true;
        }
        if (el.namespaceURI === W && el.localName === 'pPr') inMark = true;
        if (el.namespaceURI === W && (el.localName === 't' || el.localName === 'delText')) {
          all += el.textContent ?? '';
          if (!dropped) kept += el.textContent ?? '';
        }
      }
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c as unknown as Node, dropped, inMark);
    };
    walk(p as unknown as Node, false, false);
    if (all.trim() !== '' && kept.trim() === '' && !markGoes) count++;
  }
  return count;
}

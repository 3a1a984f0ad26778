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

/** Paragraph texts with all changes accepted ('accept') or rejected ('reject'). */
export async function resolvedParagraphs(docx: Uint8Array, mode: 'accept' | 'reject'): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  for (const drop of mode === 'accept' ? ['del', 'moveFrom'] : ['ins', 'moveTo']) {
    const list = doc.getElementsByTagNameNS(W, drop);
    for (let i = list.length - 1; i >= 0; i--) list.item(i)!.parentNode!.removeChild(list.item(i)!);
  }
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i)!;
    let text = '';
    const walk = (n: Node) => {
      if (n.nodeType === 1) {
        const el = n as unknown as Element;
        if (el.namespaceURI === W && (el.localName === 't' || el.localName === 'delText')) text += el.textContent ?? '';
      }
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c as unknown as Node);
    };
    walk(p as unknown as Node);
    if (text.trim() !== '') out.push(text.trim());
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

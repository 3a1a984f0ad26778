/**
 * Read a Word document's tracked changes the way a reviewer resolves them:
 * every change accepted, or every change rejected. Used to check that the
 * diff's .docx gives back the new and the old text.
 */
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Paragraph texts with all changes accepted ('accept') or rejected ('reject'). */
export async function resolvedParagraphs(docx: Uint8Array, mode: 'accept' | 'reject'): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const drop = mode === 'accept' ? 'del' : 'ins';
  const list = doc.getElementsByTagNameNS(W, drop);
  for (let i = list.length - 1; i >= 0; i--) list.item(i)!.parentNode!.removeChild(list.item(i)!);
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

/** How many insertions and deletions the document tracks. */
export async function trackedCounts(docx: Uint8Array): Promise<{ ins: number; del: number; comments: number }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { ins: (xml.match(/<w:ins /gu) ?? []).length, del: (xml.match(/<w:del /gu) ?? []).length, comments: (xml.match(/<w:commentReference /gu) ?? []).length };
}

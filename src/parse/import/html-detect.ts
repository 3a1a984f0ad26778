/** Recognising a web page by its content, without loading the HTML parser. */

/** True when decoded text is an HTML document rather than text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/u, '').trimStart();
  if (/^<!doctype html\b/iu.test(head) || /^<html[\s>]/iu.test(head)) return true;
  // A fragment saved on its own: it opens with a block tag and is mostly markup-delimited paragraphs.
  return /^<(?:body|main|article|section|div|h[1-6]|p)[\s>]/iu.test(head) && (text.match(/<\/(?:p|h[1-6]|li|div)>/giu)?.length ?? 0) >= 3;
}

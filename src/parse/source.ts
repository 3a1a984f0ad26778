/**
 * What the read phase hands on: the decoded text of one input and how it was
 * read. A module of its own so that the importers (which produce notes) and
 * the reader (which calls the importers) do not import each other.
 */
import type { SourceFormat } from '../model.js';

export interface Source {
  path: string;
  /** The text the parser segments: the file's text, or for .docx and .pdf the text extracted from them. */
  text: string;
  format: SourceFormat;
  sha256: string;
  /** How the bytes were decoded (text formats only). */
  encoding?: TextEncoding;
  /** Word comments and unaccepted tracked changes, held outside the text. */
  notes?: DocxNote[];
  /** A web page's furniture and whatever stood outside its main content, or a PDF's rotated text (a watermark), held outside the text. */
  removed?: Array<{ kind: string; text: string }>;
}

export interface DocxNote {
  kind: 'comment' | 'insertion' | 'deletion';
  author: string;
  date: string | null;
  text: string;
  /** For a comment: the document text it is attached to. */
  anchor?: string;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

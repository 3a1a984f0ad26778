/**
 * The intermediate tree that both segmenters produce: a flat list of blocks in
 * document order. The recogniser turns it into the agreement model.
 */
import type { Position } from '../../model.js';

export interface SegHeading {
  type: 'heading';
  /** Markdown depth; null for a bare-line heading of a text file (the recogniser assigns one). */
  depth: number | null;
  text: string;
  position: Position;
}

export interface SegParagraph {
  type: 'paragraph';
  text: string;
  /** The whole paragraph is bold or italic (a Markdown `**line**`). */
  emphasis?: boolean;
  /** A footnote body (`^[1] ...`, `[^1]: ...`). */
  footnote?: boolean;
  position: Position;
}

export interface SegListItem {
  text: string;
  marker?: string;
  /** When the item spans several source lines: the length of its first line's text (a name before its description). */
  firstLine?: number;
  position: Position;
}

export interface SegList {
  type: 'list';
  ordered: boolean;
  items: SegListItem[];
  position: Position;
}

export interface SegTable {
  type: 'table';
  rows: string[][];
  position: Position;
}

export type SegBlock = SegHeading | SegParagraph | SegList | SegTable;

export interface Segmented {
  blocks: SegBlock[];
  /** Raw YAML front matter of a Markdown source. */
  frontMatter?: string;
  /** Lines where runs of more than 32 emphasis marks were read as plain characters. */
  defused?: number[];
}

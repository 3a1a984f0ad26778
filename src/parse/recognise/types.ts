/**
 * A recogniser handles one element kind (vision, goals, principles, ...). The
 * loop in `index.ts` offers each block to the recognisers in registry order;
 * the first that claims it owns it. A block nobody claims stays in the generic
 * section tree, where recognisers may still look at it (`observe`), for
 * example to notice a lead-in that announces the next list.
 */
import type { Paragraph } from '../../model.js';
import type { HeadingKind } from '../profile.js';
import type { SegHeading, SegList, SegParagraph, SegTable } from '../segment/types.js';
import type { RecogniseState } from './state.js';

export interface Recogniser {
  readonly name: string;
  /** Before the blocks are walked: look at the whole document (e.g. collect quoted statements). */
  prepare?(s: RecogniseState): void;
  /** The open context, if it is this recogniser's, may claim a heading (a principle claims its ÅTAGANDEN). */
  claimHeading?(s: RecogniseState, h: SegHeading, kind: HeadingKind | null): boolean;
  /** A heading no open context claimed: start this recogniser's element if it is one. */
  startHeading?(s: RecogniseState, h: SegHeading, kind: HeadingKind | null, index: number): boolean;
  paragraph?(s: RecogniseState, b: SegParagraph): boolean;
  list?(s: RecogniseState, b: SegList): boolean;
  table?(s: RecogniseState, b: SegTable): boolean;
  /** A paragraph was kept in the generic tree: `text` is its text with white space squashed, `block` what it was made from. */
  observe?(s: RecogniseState, node: Paragraph, text: string, block: SegParagraph): void;
  /** Called for every block before it is offered (e.g. to forget a lead-in not followed by its list). */
  beforeBlock?(s: RecogniseState, b: SegHeading | SegParagraph | SegList | SegTable): void;
  /** After the walk: complete elements, warn about what was expected and not found. */
  finish?(s: RecogniseState): void;
}

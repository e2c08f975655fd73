// Prose blocks → claims and uncited sentences, by the same rules as browser-copied text (../RULES.md).
import type { UncitedSentence } from '../../types.js';
import { claimParagraph, type DraftClaim } from '../claims.js';
import type { Block } from './walk.js';

export type Locate = (offset: number) => { line: number; column: number };

/**
 * Each block is one paragraph for claimParagraph; its columns index the block's text, which the
 * block's offsets turn into a line and column in the HTML file.
 */
export function claimBlocks(blocks: Block[], locate: Locate): { drafts: DraftClaim[]; uncited: UncitedSentence[] } {
  const drafts: DraftClaim[] = [];
  const uncited: UncitedSentence[] = [];
  for (const block of blocks) {
    const result = claimParagraph({ text: block.text, line: 1, section: block.section });
    const place = (column: number) => locate(block.offsets[column - 1] ?? block.offsets.at(-1) ?? 0);
    for (const claim of result.claims) drafts.push({ ...claim, ...place(claim.column) });
    // An explanatory note is read for the references inside it; its other text is not body prose.
    if (!block.note) for (const u of result.uncited) uncited.push({ ...u, ...place(u.column) });
  }
  return { drafts, uncited };
}

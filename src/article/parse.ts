// Article text → Article: the one pure entry point of the article stage.
import type { Article, ListedReference, UncitedSentence } from '../types.js';
import type { ArticleReader } from './formats.js';
import { claimParagraph, type DraftClaim } from './claims.js';
import { checkClaims, checkReferenceList } from './findings.js';
import { assignClaimIds } from './ids.js';
import { parseReferenceRow } from './references-list.js';
import { sliceArticle } from './sections.js';

export function parseArticle(text: string, path: string): Article {
  const layout = sliceArticle(text);
  const drafts: DraftClaim[] = [];
  const uncited: UncitedSentence[] = [];
  const markers: { ref: number; line: number }[] = [];
  for (const paragraph of layout.paragraphs) {
    const result = claimParagraph(paragraph);
    drafts.push(...result.claims);
    uncited.push(...result.uncited);
    markers.push(...result.markers.map((ref) => ({ ref, line: paragraph.line })));
  }
  const references: ListedReference[] = [];
  const listed = new Set<number>();
  for (const row of layout.referenceLines) {
    const ref = parseReferenceRow(row.text, row.line);
    if (ref && !listed.has(ref.id)) {
      listed.add(ref.id);
      references.push(ref);
    }
  }
  return {
    path,
    title: layout.title,
    claims: assignClaimIds(drafts),
    uncited,
    references,
    findings: [...checkClaims(drafts.length, references), ...checkReferenceList(markers, references)],
  };
}

/** The `txt` reader: a Wikipedia article as a browser copies it. */
export const readBrowserText: ArticleReader = ({ text, path }) => parseArticle(text, path);

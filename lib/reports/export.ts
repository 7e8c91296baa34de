import { readLessonFile } from '@/lib/content/read-lesson';
import type { OverrideTarget } from '@/db/schema';
import { normalizeParagraph, summaryToText, textToSummary } from '@/lib/corrections/text';

export type ExportableOverride = { target: OverrideTarget; targetId: string; originalText: string; text: string };
export type ExportResult =
  | { status: 'changed'; source: string }
  | { status: 'conflict'; reason: string }
  | { status: 'unchanged' };

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Characters MDX would read as markup inside a block; such a correction is refused rather than mangled. */
function unsafeForMdx(text: string): boolean {
  return /[<>{}]/.test(text);
}

/**
 * Writes one override into a lesson file's source (pure). Refuses when the
 * passage in the file is no longer the text the override was made over, or when
 * the result would not read back as the corrected text.
 */
export function exportOverride(source: string, file: string, override: ExportableOverride): ExportResult {
  const before = readLessonFile(source, file);
  // Corrections are markdown, compared with the file's markdown (emphasis and links kept).
  const current =
    override.target === 'summary' ? summaryToText(before.summaryMarkdown) : before.paragraphs.find((p) => p.id === override.targetId)?.markdown;
  if (current === undefined) return { status: 'conflict', reason: `paragraph "${override.targetId}" no longer exists` };
  const wanted = override.target === 'summary' ? summaryToText(textToSummary(override.text)) : normalizeParagraph(override.text);
  if (current === wanted) return { status: 'unchanged' };
  if (current !== override.originalText) return { status: 'conflict', reason: 'the passage changed in the file since the correction was made' };
  if (unsafeForMdx(wanted)) return { status: 'conflict', reason: 'the correction contains <, >, { or }, which MDX would read as markup' };

  const block =
    override.target === 'summary'
      ? /(<Summary>)([\s\S]*?)(<\/Summary>)/
      : new RegExp(`(<Paragraph\\s+id="${escapeRegExp(override.targetId)}"[^>]*>)([\\s\\S]*?)(</Paragraph>)`);
  if (!block.test(source)) return { status: 'conflict', reason: 'the passage could not be located in the file' };
  const updated = source.replace(block, (_match, open: string, _body: string, close: string) => `${open}\n${wanted}\n${close}`);

  const after = readLessonFile(updated, file);
  const reread = override.target === 'summary' ? summaryToText(after.summaryMarkdown) : after.paragraphs.find((p) => p.id === override.targetId)?.markdown;
  if (reread !== wanted) return { status: 'conflict', reason: 'the corrected file does not read back as the correction' };
  return { status: 'changed', source: updated };
}

import 'server-only';
import { createHash } from 'node:crypto';
import type { SearchDocument } from '@/db/search';
import { lessonParams } from '@/lib/content';
import { getLiveLesson } from '@/lib/corrections';
import { locales } from '@/lib/i18n/locales';
import { normalizeText } from './normalize';

/** Where the lesson page puts its summary and quiz (their headings' ids). */
export const summaryAnchor = 'summary-title';
export const quizAnchor = 'quiz-title';

/**
 * Every searchable piece of every lesson in every locale, read through lib/content
 * (so corrected texts are indexed once lib/content returns them). A locale that
 * falls back to Italian is skipped: the Italian documents already cover it.
 */
export async function buildSearchDocuments(): Promise<SearchDocument[]> {
  const documents: SearchDocument[] = [];
  for (const { course, lesson: slug } of lessonParams()) {
    for (const locale of locales) {
      const lesson = await getLiveLesson(course, slug, locale);
      if (!lesson || lesson.textLocale !== locale) continue;
      const add = (kind: SearchDocument['kind'], anchor: string, heading: string, text: string) =>
        documents.push({
          locale,
          course,
          lesson: slug,
          kind,
          anchor,
          position: documents.length,
          heading,
          text,
          searchable: normalizeText([heading, text].filter(Boolean).join('\n')),
        });
      add('title', '', lesson.title, lesson.description);
      for (const paragraph of lesson.paragraphs) add('paragraph', paragraph.id, paragraph.keyPoint, paragraph.text);
      for (const text of [...lesson.summary, ...lesson.takeaways]) add('summary', summaryAnchor, '', text);
      // Only the prompt: the explanations would make search an answer oracle (they are shown only after a pass).
      for (const question of lesson.quiz) add('quiz', quizAnchor, '', question.prompt);
    }
  }
  return documents;
}

/** Identifies the indexed content: any change to a document changes it. */
export function contentVersion(documents: SearchDocument[]): string {
  return createHash('sha256').update(JSON.stringify(documents)).digest('hex').slice(0, 16);
}

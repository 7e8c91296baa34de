import 'server-only';
import { learnerBatch, type LearnerStatus } from '@/db/admin-progress';
import type { Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { adminCourse, withLessonCells } from './course';
import { csvLine, utf8Bom, type CsvSeparator } from './csv';

export const csvBatchSize = 500;

export type CompletionCsvQuery = { course: string; locale: Locale; separator: CsvSeparator; search?: string; status?: LearnerStatus };

const isoDate = (date: Date | null) => date?.toISOString() ?? '';

/**
 * The course's completion as CSV, one row per learner (the learner list's
 * people and filters), in the admin's language: per lesson the video watched,
 * the best quiz and the status; the course percent, when it was completed, the
 * last activity and the sign-up. Produced batch by batch (keyset on e-mail) as
 * the client reads: memory stays at one batch.
 */
export function completionCsv(query: CompletionCsvQuery, batchSize = csvBatchSize): ReadableStream<Uint8Array> {
  const { lessons } = adminCourse(query.course, query.locale);
  const t = getTranslator(query.locale);
  const status = { notStarted: t('progress.notStarted'), inProgress: t('progress.inProgress'), complete: t('progress.complete') };
  const line = (cells: Parameters<typeof csvLine>[0]) => csvLine(cells, query.separator);
  const encoder = new TextEncoder();
  let after: string | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const header = [
        t('admin.csv.email'),
        t('admin.csv.name'),
        ...lessons.flatMap((_, i) => [t('admin.csv.coverage', { n: i + 1 }), t('admin.csv.quiz', { n: i + 1 }), t('admin.csv.status', { n: i + 1 })]),
        t('admin.csv.coursePercent'),
        t('admin.csv.completedAt'),
        t('admin.csv.lastActivity'),
        t('admin.csv.signedUp'),
      ];
      controller.enqueue(encoder.encode(utf8Bom + line(header)));
    },
    async pull(controller) {
      if (done) return;
      const rows = await learnerBatch({ course: query.course, lessons, search: query.search, status: query.status, afterEmail: after, limit: batchSize });
      const lines = (await withLessonCells(query.course, lessons, rows)).map((learner) =>
        line([
          learner.email,
          learner.name,
          ...learner.lessons.flatMap((cell) => [cell.coverage, cell.quizBest, status[cell.status]]),
          learner.coursePercent,
          isoDate(learner.completedAt),
          isoDate(learner.lastActivity),
          isoDate(learner.signedUpAt),
        ]),
      );
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join('')));
      if (rows.length < batchSize) {
        done = true;
        controller.close();
      } else {
        after = rows.at(-1)!.email;
      }
    },
  });
}

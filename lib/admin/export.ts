import 'server-only';
import { learnerBatch } from '@/db/admin-progress';
import { adminCourse, withLessonCells } from './course';
import { csvLine, utf8Bom } from './csv';

export const csvBatchSize = 500;

const statusLabel = { notStarted: 'not started', inProgress: 'in progress', complete: 'complete' } as const;

/**
 * The course's completion as CSV, one row per learner, produced batch by batch
 * (keyset on e-mail) as the client reads: memory stays at one batch.
 */
export function completionCsv(slug: string, batchSize = csvBatchSize): ReadableStream<Uint8Array> {
  const { lessons } = adminCourse(slug);
  const encoder = new TextEncoder();
  let after: string | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const header = ['email', 'name', ...lessons.flatMap((l) => [`${l.slug} coverage %`, `${l.slug} status`]), 'course %', 'completed at'];
      controller.enqueue(encoder.encode(utf8Bom + csvLine(header)));
    },
    pull(controller) {
      if (done) return;
      const rows = learnerBatch({ course: slug, afterEmail: after, limit: batchSize });
      const lines = withLessonCells(slug, lessons, rows).map((learner) =>
        csvLine([
          learner.email,
          learner.name,
          ...learner.lessons.flatMap((cell) => [cell.coverage, statusLabel[cell.status]]),
          learner.coursePercent,
          learner.completedAt?.toISOString() ?? '',
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

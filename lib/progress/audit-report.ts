import 'server-only';
import { listCompletedVideos } from '@/db/progress-maintenance';
import { lessonDuration } from '@/lib/content';
import { auditLearner, type AuditFinding, type WatchedVideo } from './audit';

export type FlaggedLearner = { userId: string; name: string; email: string; course: string; finding: AuditFinding };

/** Learners whose watched videos came faster than real time allows, per course, worst first. */
export async function flaggedLearners({ course }: { course?: string } = {}): Promise<FlaggedLearner[]> {
  const groups = new Map<string, { who: Omit<FlaggedLearner, 'finding'>; videos: WatchedVideo[] }>();
  for (const row of await listCompletedVideos({ course })) {
    const duration = lessonDuration(row.course, row.lesson);
    if (duration === undefined) continue;
    const key = `${row.userId}\u0000${row.course}`;
    const group = groups.get(key) ?? { who: { userId: row.userId, name: row.name, email: row.email, course: row.course }, videos: [] };
    group.videos.push({ lesson: row.lesson, duration, firstActivityAt: row.firstActivityAt, videoCompletedAt: row.videoCompletedAt });
    groups.set(key, group);
  }
  const flagged: FlaggedLearner[] = [];
  for (const { who, videos } of groups.values()) {
    const finding = auditLearner(videos);
    if (finding) flagged.push({ ...who, finding });
  }
  const excess = (f: FlaggedLearner) => f.finding.requiredSeconds - f.finding.possibleSeconds;
  return flagged.sort((a, b) => excess(b) - excess(a));
}

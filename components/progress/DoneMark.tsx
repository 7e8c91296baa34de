'use client';

import { interpolate } from '@/lib/i18n/interpolate';
import { useCourseProgress } from '@/lib/progress/client-store';

/** Beside a lesson in lists, for the signed-in learner: "✓ complete", or how much is watched. */
export function DoneMark({ course, lesson, label, watchedLabel }: { course: string; lesson: string; label: string; watchedLabel: string }) {
  const progress = useCourseProgress(course);
  const status = progress.kind === 'learner' ? progress.course.lessons.find((item) => item.lesson === lesson) : undefined;
  if (!status || status.state === 'notStarted') return null;
  return status.complete ? (
    <span className="badge badge--done" data-testid={`done-${lesson}`}>
      ✓ {label}
    </span>
  ) : (
    <span className="badge" data-testid={`started-${lesson}`}>
      {interpolate(watchedLabel, { percent: status.watchedPercent })}
    </span>
  );
}

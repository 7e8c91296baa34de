'use client';

import { useCourseProgress } from '@/lib/progress/client-store';

/** "✓ complete" beside a lesson in lists, for the signed-in learner. */
export function DoneMark({ course, lesson, label }: { course: string; lesson: string; label: string }) {
  const progress = useCourseProgress(course);
  const complete = progress.kind === 'learner' && progress.course.lessons.some((item) => item.lesson === lesson && item.complete);
  return complete ? (
    <span className="badge badge--done" data-testid={`done-${lesson}`}>
      ✓ {label}
    </span>
  ) : null;
}

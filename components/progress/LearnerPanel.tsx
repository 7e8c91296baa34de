'use client';

import { lazy, Suspense, type ReactNode } from 'react';
import { useCourseProgress } from '@/lib/progress/client-store';
import type { LessonPanelLabels } from './LessonFigures';

const Figures = lazy(() => import('@/components/lesson/learner-only').then((parts) => ({ default: parts.LessonPanelFigures })));

/**
 * Above the video: the sign-in notice (server-rendered children) for visitors,
 * or the learner's own progress in this lesson (LessonPanelFigures, loaded
 * only for a learner). Until the page knows, both are in the prerendered page
 * and CSS shows the notice, or, where the signed-in hint is set, a placeholder
 * the size of the panel.
 */
export function LearnerPanel({ course, lesson, labels, children }: { course: string; lesson: string; labels: LessonPanelLabels; children: ReactNode }) {
  const progress = useCourseProgress(course);
  const pending = (
    <div className="notice learner-panel learner-slot__pending" aria-hidden="true" data-testid="learner-pending">
      <p className="muted">{labels.loading}</p>
    </div>
  );
  if (progress.kind === 'unknown') {
    return (
      <>
        <div className="learner-slot__anon">{children}</div>
        {pending}
      </>
    );
  }
  const status = progress.kind === 'learner' ? progress.course.lessons.find((item) => item.lesson === lesson) : undefined;
  if (!status || progress.kind !== 'learner') return <>{children}</>;
  return (
    <Suspense fallback={pending}>
      <Figures status={status} course={progress.course} labels={labels} />
    </Suspense>
  );
}

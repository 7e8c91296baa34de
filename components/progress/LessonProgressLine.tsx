'use client';

import { lazy, Suspense } from 'react';
import { useCourseProgress } from '@/lib/progress/client-store';
import type { LessonLineLabels as Labels } from './labels';

const Figures = lazy(() => import('@/components/lesson/learner-only').then((parts) => ({ default: parts.LessonLineFigures })));

/** In a list of a course's lessons, for the signed-in learner only: the lesson's figures (LessonLineFigures), loaded for learners. */
export function LessonProgressLine({ course, lesson, labels }: { course: string; lesson: string; labels: Labels }) {
  const progress = useCourseProgress(course);
  const pending = <span className="lesson-progress lesson-progress--pending" aria-hidden="true" />;
  if (progress.kind === 'unknown') return pending;
  const status = progress.kind === 'learner' ? progress.course.lessons.find((item) => item.lesson === lesson) : undefined;
  if (!status) return null;
  return (
    <Suspense fallback={pending}>
      <Figures status={status} labels={labels} />
    </Suspense>
  );
}

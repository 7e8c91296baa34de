'use client';

import type { ReactNode } from 'react';
import { interpolate } from '@/lib/i18n/interpolate';
import { useCourseProgress } from '@/lib/progress/client-store';
import { ProgressBar } from './ProgressBar';

type Labels = Record<'heading' | 'recording' | 'watched' | 'quizBest' | 'quizNone' | 'complete' | 'inProgress' | 'certificate' | 'courseComplete', string>;

const fill = (template: string, percent: number) => interpolate(template, { percent });

/**
 * Above the video: the sign-in notice (server-rendered children) for visitors,
 * or the learner's own progress in this lesson once we know they are signed in.
 */
export function LearnerPanel({ course, lesson, labels, children }: { course: string; lesson: string; labels: Labels; children: ReactNode }) {
  const progress = useCourseProgress(course);
  if (progress.kind !== 'learner') return <>{children}</>;
  const status = progress.course.lessons.find((item) => item.lesson === lesson);
  if (!status) return <>{children}</>;
  return (
    <div className="notice notice--success learner-panel" data-testid="learner-panel">
      <p>
        <strong>{labels.heading}</strong> — {labels.recording}{' '}
        <span className="badge" data-testid="lesson-status">{status.complete ? labels.complete : labels.inProgress}</span>
      </p>
      <div className="learner-panel__figures">
        <span data-testid="watched-percent">{fill(labels.watched, status.watchedPercent)}</span>
        <ProgressBar percent={status.watchedPercent} label={fill(labels.watched, status.watchedPercent)} />
        <span>{status.quizBest === null ? labels.quizNone : fill(labels.quizBest, status.quizBest)}</span>
      </div>
      {progress.course.certificate && (
        <p>
          {labels.courseComplete} <a href={progress.course.certificate.url}>{labels.certificate}</a>
        </p>
      )}
    </div>
  );
}

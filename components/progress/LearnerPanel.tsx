'use client';

import type { ReactNode } from 'react';
import { interpolate } from '@/lib/i18n/interpolate';
import { useCourseProgress } from '@/lib/progress/client-store';
import { needed } from './labels';
import { ProgressBar } from './ProgressBar';

type Labels = Record<
  'heading' | 'recording' | 'complete' | 'inProgress' | 'notStarted' | 'certificate' | 'courseComplete' | 'videoDone' | 'videoLeft' | 'quizDone' | 'quizLeft' | 'quizTodo' | 'rules' | 'loading',
  string
>;

/**
 * Above the video: the sign-in notice (server-rendered children) for visitors,
 * or the learner's own progress in this lesson: the video, the quiz, the
 * lesson's state and the rule that completes it. Until the page knows, both
 * are in the prerendered page and CSS shows the notice, or, where the
 * signed-in hint is set, a placeholder the size of the panel.
 */
export function LearnerPanel({ course, lesson, labels, children }: { course: string; lesson: string; labels: Labels; children: ReactNode }) {
  const progress = useCourseProgress(course);
  if (progress.kind === 'unknown') {
    return (
      <>
        <div className="learner-slot__anon">{children}</div>
        <div className="notice learner-panel learner-slot__pending" aria-hidden="true" data-testid="learner-pending">
          <p className="muted">{labels.loading}</p>
        </div>
      </>
    );
  }
  if (progress.kind !== 'learner') return <>{children}</>;
  const status = progress.course.lessons.find((item) => item.lesson === lesson);
  if (!status) return <>{children}</>;
  const watched = status.videoComplete ? labels.videoDone : interpolate(labels.videoLeft, { percent: status.watchedPercent, needed: needed.video });
  const quiz =
    status.quizBest === null
      ? interpolate(labels.quizTodo, { needed: needed.quiz })
      : interpolate(status.quizPassed ? labels.quizDone : labels.quizLeft, { percent: status.quizBest, needed: needed.quiz });
  return (
    <div className={`notice learner-panel notice--${status.complete ? 'success' : 'info'}`} data-testid="learner-panel">
      <p>
        <strong>{labels.heading}</strong> — {labels.recording}{' '}
        <span className={status.complete ? 'badge badge--done' : 'badge'} data-testid="lesson-status">
          {labels[status.state]}
        </span>
      </p>
      <ul className="learner-panel__figures">
        <li>
          <span data-testid="watched-percent">{watched}</span>
          <ProgressBar percent={status.watchedPercent} label={watched} />
        </li>
        <li data-testid="quiz-status">{quiz}</li>
      </ul>
      <p className="small">{labels.rules}</p>
      {progress.course.certificate && (
        <p>
          {labels.courseComplete} <a href={progress.course.certificate.url}>{labels.certificate}</a>
        </p>
      )}
    </div>
  );
}

'use client';

import { interpolate } from '@/lib/i18n/interpolate';
import { useCourseProgress } from '@/lib/progress/client-store';
import type { LessonLineLabels as Labels } from './labels';

/** In a list of a course's lessons, for the signed-in learner: video ✓ or %, quiz ✓ or best score, and the lesson's state. */
export function LessonProgressLine({ course, lesson, labels }: { course: string; lesson: string; labels: Labels }) {
  const progress = useCourseProgress(course);
  if (progress.kind === 'unknown') return <span className="lesson-progress lesson-progress--pending" aria-hidden="true" />;
  const status = progress.kind === 'learner' ? progress.course.lessons.find((item) => item.lesson === lesson) : undefined;
  if (!status) return null;
  const video = status.videoComplete ? labels.cardVideoDone : interpolate(labels.cardVideo, { percent: status.watchedPercent });
  const quiz = status.quizBest === null ? labels.cardQuizNone : interpolate(status.quizPassed ? labels.cardQuizDone : labels.cardQuiz, { percent: status.quizBest });
  return (
    <span className="lesson-progress" data-testid={`lesson-progress-${lesson}`}>
      <span className={status.videoComplete ? 'is-done' : undefined}>{video}</span>
      <span className={status.quizPassed ? 'is-done' : undefined}>{quiz}</span>
      <span className={status.complete ? 'badge badge--done' : 'badge'} data-testid={status.complete ? `done-${lesson}` : `started-${lesson}`}>
        {status.complete ? `✓ ${labels.complete}` : labels[status.state]}
      </span>
    </span>
  );
}

import { interpolate } from '@/lib/i18n/interpolate';
import type { CourseStatus, LessonStatus } from '@/lib/progress/status';
import { needed, type LessonLineLabels } from './labels';
import { ProgressBar } from './ProgressBar';

// A signed-in learner's figures for one lesson. Loaded only once the page knows
// a learner is there (through components/lesson/learner-only.ts): a visitor's
// page never downloads them.

export type LessonPanelLabels = Record<
  'heading' | 'recording' | 'complete' | 'inProgress' | 'notStarted' | 'certificate' | 'courseComplete' | 'videoDone' | 'videoLeft' | 'quizDone' | 'quizLeft' | 'quizTodo' | 'rules' | 'loading',
  string
>;

/** Above the video: the video, the quiz, the lesson's state and the rule that completes it. */
export function LessonPanelFigures({ status, course, labels }: { status: LessonStatus; course: CourseStatus; labels: LessonPanelLabels }) {
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
      {course.certificate && (
        <p>
          {labels.courseComplete} <a href={course.certificate.url}>{labels.certificate}</a>
        </p>
      )}
    </div>
  );
}

/** In a list of the course's lessons: video ✓ or %, quiz ✓ or best score, and the lesson's state. */
export function LessonLineFigures({ status, labels }: { status: LessonStatus; labels: LessonLineLabels }) {
  const video = status.videoComplete ? labels.cardVideoDone : interpolate(labels.cardVideo, { percent: status.watchedPercent });
  const quiz = status.quizBest === null ? labels.cardQuizNone : interpolate(status.quizPassed ? labels.cardQuizDone : labels.cardQuiz, { percent: status.quizBest });
  return (
    <span className="lesson-progress" data-testid={`lesson-progress-${status.lesson}`}>
      <span className={status.videoComplete ? 'is-done' : undefined}>{video}</span>
      <span className={status.quizPassed ? 'is-done' : undefined}>{quiz}</span>
      <span className={status.complete ? 'badge badge--done' : 'badge'} data-testid={status.complete ? `done-${status.lesson}` : `started-${status.lesson}`}>
        {status.complete ? `✓ ${labels.complete}` : labels[status.state]}
      </span>
    </span>
  );
}

'use client';

import { useActionState, useEffect, useState } from 'react';
import { Notice } from '@/components/ui/Notice';
import type { QuizQuestion } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { loadCourseProgress } from '@/lib/progress/client-store';
import { gradeQuizAction } from '@/lib/quiz/actions';
import type { Answers } from '@/lib/quiz/parse-answers';
import { idleQuiz, type QuizState } from '@/lib/quiz/state';
import { QuizQuestionItem, type QuestionLabels } from './QuizQuestion';

type Labels = QuestionLabels & Record<'intro' | 'submit' | 'retry', string>;

type Props = { course: string; lesson: string; locale: Locale; questions: QuizQuestion[]; labels: Labels };

/** The quiz; "Try again" remounts the form (which resets the action's state) with the last choices. */
export function Quiz(props: Props) {
  const [round, setRound] = useState<{ n: number; selected: Answers }>({ n: 0, selected: {} });
  return <QuizForm key={round.n} {...props} initial={round.selected} onRetry={(selected) => setRound({ n: round.n + 1, selected })} />;
}

/**
 * Grading happens in a server action, so the form works without JavaScript too.
 * The texts of a graded attempt (score, attempts left, when to come back) come
 * localized from the server, which alone knows them.
 */
function QuizForm({ course, lesson, locale, questions, labels, initial, onRetry }: Props & { initial: Answers; onRetry: (selected: Answers) => void }) {
  // The permalink is where a post without JavaScript lands: back at the quiz's heading, not the top of the page.
  const [state, action, pending] = useActionState<QuizState, FormData>(gradeQuizAction, idleQuiz, `/${locale}/courses/${course}/${lesson}#quiz-title`);
  const graded = state.status === 'graded' ? state : undefined;
  // A stored attempt may complete the lesson or the course: refresh the learner's progress.
  useEffect(() => {
    if (graded?.saved) void loadCourseProgress(course);
  }, [graded, course]);
  const selected = state.status === 'idle' ? initial : state.selected;
  const missing = state.status === 'incomplete' ? state.missing : [];

  return (
    <form action={action} className="quiz" aria-describedby="quiz-intro" noValidate>
      <p id="quiz-intro" className="muted">
        {labels.intro}
      </p>
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      <input type="hidden" name="locale" value={locale} />
      {'message' in state && <Notice tone="error">{state.message}</Notice>}
      <ol className="quiz__questions">
        {questions.map((question, index) => (
          <QuizQuestionItem
            key={question.id}
            question={question}
            number={index + 1}
            selected={selected[question.id]}
            feedback={graded?.feedback.questions.find((q) => q.id === question.id)}
            missing={missing.includes(question.id)}
            labels={labels}
          />
        ))}
      </ol>
      {graded ? (
        <div aria-live="polite">
          <Notice tone={graded.feedback.passed ? 'success' : 'error'}>
            <p>
              <strong>{graded.summary.title}</strong>
            </p>
            <p data-testid="quiz-score">{graded.summary.score}</p>
            {graded.summary.notes.map((note) => (
              <p key={note} className="small">
                {note}
              </p>
            ))}
          </Notice>
          {graded.canRetry && (
            // Without JavaScript the link reloads a fresh quiz; with it, the form starts again in place.
            <a
              className="button"
              href={`/${locale}/courses/${course}/${lesson}?retry#quiz-title`}
              onClick={(event) => {
                event.preventDefault();
                onRetry(graded.selected);
              }}
            >
              {labels.retry}
            </a>
          )}
        </div>
      ) : (
        <button type="submit" className="button" disabled={pending}>
          {labels.submit}
        </button>
      )}
    </form>
  );
}

'use client';

import { useActionState, useEffect, useState } from 'react';
import { Notice } from '@/components/ui/Notice';
import type { QuizQuestion } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { loadCourseProgress } from '@/lib/progress/client-store';
import { gradeQuizAction, type QuizState } from '@/lib/quiz/actions';

type Labels = Record<
  'heading' | 'intro' | 'single' | 'multiple' | 'submit' | 'retry' | 'score' | 'passed' | 'failed' | 'correct' | 'wrong' | 'rightAnswer' | 'empty' | 'notFound' | 'anonNote' | 'saved',
  string
>;

type Props = { course: string; lesson: string; locale: Locale; questions: QuizQuestion[]; labels: Labels };

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));

/** The quiz; a new attempt remounts the form, which resets the action's state. */
export function Quiz(props: Props) {
  const [attempt, setAttempt] = useState(0);
  return <QuizForm key={attempt} {...props} onRetry={() => setAttempt((n) => n + 1)} />;
}

/** Grading happens in a server action, so the form works without JavaScript too. */
function QuizForm({ course, lesson, locale, questions, labels, onRetry }: Props & { onRetry: () => void }) {
  const [state, action, pending] = useActionState<QuizState, FormData>(gradeQuizAction, { status: 'idle' });
  const graded = state.status === 'graded' ? state : undefined;
  // A stored attempt may complete the lesson or the course: refresh the learner's progress.
  useEffect(() => {
    if (graded?.saved) void loadCourseProgress(course);
  }, [graded, course]);
  const selected = state.status === 'idle' ? {} : state.selected;
  const choiceText = (question: QuizQuestion, ids: string[]) =>
    ids.map((id) => question.choices.find((choice) => choice.id === id)?.text ?? id).join(' · ');

  return (
    <form action={action} className="quiz" aria-describedby="quiz-intro" noValidate>
      <p id="quiz-intro" className="muted">
        {labels.intro}
      </p>
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="lesson" value={lesson} />
      <input type="hidden" name="locale" value={locale} />
      {state.status === 'error' && <Notice tone="error">{state.error === 'quizEmpty' ? labels.empty : labels.notFound}</Notice>}
      <ol className="quiz__questions">
        {questions.map((question, index) => {
          const result = graded?.result.questions.find((q) => q.id === question.id);
          return (
            <li key={question.id} className={`quiz__question${result ? (result.correct ? ' is-correct' : ' is-wrong') : ''}`} data-question={question.id}>
              <fieldset>
                <legend>
                  <span className="visually-hidden">{index + 1}. </span>
                  {question.prompt} <span className="muted small">({question.kind === 'single' ? labels.single : labels.multiple})</span>
                </legend>
                {question.choices.map((choice) => (
                  <label key={choice.id} className="choice">
                    <input
                      type={question.kind === 'single' ? 'radio' : 'checkbox'}
                      name={`q:${question.id}`}
                      value={choice.id}
                      defaultChecked={selected[question.id]?.includes(choice.id)}
                      disabled={Boolean(graded)}
                    />
                    <span>{choice.text}</span>
                  </label>
                ))}
              </fieldset>
              {result && (
                <div className="quiz__feedback" role="note">
                  <p>
                    <strong>{result.correct ? `✓ ${labels.correct}` : `✗ ${labels.wrong}`}</strong>
                    {!result.correct && <> — {fill(labels.rightAnswer, { answer: choiceText(question, result.answer) })}</>}
                  </p>
                  <p>{graded?.explanations[question.id]}</p>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {graded ? (
        <div aria-live="polite">
          <Notice tone={graded.result.passed ? 'success' : 'error'}>
            <p>
              <strong>{graded.result.passed ? labels.passed : labels.failed}</strong>
            </p>
            <p data-testid="quiz-score">{fill(labels.score, { score: graded.result.score, total: graded.result.total, percent: graded.result.percent })}</p>
            <p className="small">{graded.saved ? labels.saved : labels.anonNote}</p>
          </Notice>
          <button type="button" className="button" onClick={onRetry}>
            {labels.retry}
          </button>
        </div>
      ) : (
        <button type="submit" className="button" disabled={pending}>
          {labels.submit}
        </button>
      )}
    </form>
  );
}

import type { QuizQuestion } from '@/lib/content/types';
import type { QuestionFeedback } from '@/lib/quiz/feedback';

export type QuestionLabels = Record<'single' | 'multiple' | 'correct' | 'wrong' | 'yourAnswer' | 'rightChoice', string>;

type Props = { question: QuizQuestion; number: number; selected?: string[]; feedback?: QuestionFeedback; missing: boolean; labels: QuestionLabels };

/**
 * One question. After an attempt the choices stay in place, locked: yours are
 * marked "Your answer" (legible, not a faint disabled control), the verdict is
 * about your answer, and the correct choices and the explanation appear only
 * where the feedback carries them.
 */
export function QuizQuestionItem({ question, number, selected, feedback, missing, labels }: Props) {
  const state = feedback ? (feedback.correct ? ' is-correct' : ' is-wrong') : missing ? ' is-missing' : '';
  return (
    <li className={`quiz__question${state}`} data-question={question.id}>
      <fieldset>
        <legend>
          <span className="quiz__number">{number}.</span>{' '}
          {question.prompt} <span className="muted small">({question.kind === 'single' ? labels.single : labels.multiple})</span>
        </legend>
        {question.choices.map((choice) => {
          const mine = selected?.includes(choice.id);
          const right = feedback?.answer?.includes(choice.id);
          return (
            <label key={choice.id} className={`choice${feedback && mine ? ' is-mine' : ''}${right ? ' is-answer' : ''}`}>
              <input type={question.kind === 'single' ? 'radio' : 'checkbox'} name={`q:${question.id}`} value={choice.id} defaultChecked={mine} disabled={Boolean(feedback)} />
              <span>{choice.text}</span>
              {feedback && mine && <span className="tag">{labels.yourAnswer}</span>}
              {right && <span className="tag tag--answer">✓ {labels.rightChoice}</span>}
            </label>
          );
        })}
      </fieldset>
      {feedback && (
        <div className="quiz__feedback" role="note">
          <p>
            <strong>{feedback.correct ? `✓ ${labels.correct}` : `✗ ${labels.wrong}`}</strong>
          </p>
          {feedback.explanation && <p>{feedback.explanation}</p>}
        </div>
      )}
    </li>
  );
}

'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/Field';
import { clock } from '@/lib/format';
import { idleForm } from '@/lib/http/form-state';
import { interpolate } from '@/lib/i18n/interpolate';
import { localeTags, type Locale } from '@/lib/i18n/locales';
import { usePlayerState } from '@/lib/player/store';
import { submitReportAction } from '@/lib/reports/actions';

export type ReportLabels = Record<
  | 'heading' | 'intro' | 'where' | 'choose' | 'paragraphs' | 'summary' | 'quiz' | 'translation' | 'video' | 'videoAt'
  | 'message' | 'messageHint' | 'suggestion' | 'suggestionHint' | 'counter' | 'counterOver' | 'email' | 'emailHint' | 'signedInNote' | 'honeypot' | 'submit',
  string
>;

type Props = {
  locale: Locale;
  course: string;
  lesson: string;
  /** Paragraphs named by their time and first words ("0:42 — Quando un cliente…"). */
  paragraphs: { id: string; label: string }[];
  questions: { id: string; label: string }[];
  /** Offer "the translation" (translated pages only: the Italian original has none). */
  translated: boolean;
  /** Longest message and suggestion the server accepts (it refuses longer ones: nothing is cut). */
  max: number;
  /** The page's own path: a post without JavaScript comes back to the form (#report). */
  path: string;
  labels: ReportLabels;
};

const videoTime = () => (document.querySelector('[data-testid="lesson-video"]') as HTMLVideoElement | null)?.currentTime;

/** The lesson's error-report form: a server action, so it works without JavaScript too. */
export function ReportForm({ locale, course, lesson, paragraphs, questions, translated, max, path, labels }: Props) {
  const [state, action, pending] = useActionState(submitReportAction, idleForm, `${path}#report`);
  const [time, setTime] = useState<number>();
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  const lengthsOf = (answer: typeof state) => ({ message: answer.values.message?.length ?? 0, suggestion: answer.values.suggestion?.length ?? 0 });
  const [lengths, setLengths] = useState(() => lengthsOf(state));
  // A new answer refills (or empties) the fields: the counters follow (React's "adjust state on a prop change" pattern).
  const [counted, setCounted] = useState(state);
  if (counted !== state) {
    setCounted(state);
    setLengths(lengthsOf(state));
  }
  const section = useRef<HTMLElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  // A ⚑ in the transcript asks (through the player store) for a report on its paragraph: preset "where" and take the reader here.
  const request = usePlayerState((player) => player.reportRequest);
  useEffect(() => {
    const form = section.current?.querySelector('form');
    if (!request || !form) return;
    (form.elements.namedItem('where') as HTMLSelectElement).value = request.where;
    section.current!.scrollIntoView();
    (form.elements.namedItem('message') as HTMLTextAreaElement).focus();
  }, [request]);
  // After sending, the answer (thanks or what to fix) takes the focus: it is read out and scrolled into view, and the emptied form is not mistaken for a lost one.
  useEffect(() => notice.current?.focus(), [state]);
  // The video option takes the player's current time, into the label and the hidden field.
  const fillTime = (form: HTMLFormElement | null) => {
    if (!form) return;
    const at = (form.elements.namedItem('where') as HTMLSelectElement).value === 'video' ? videoTime() : undefined;
    (form.elements.namedItem('videoTime') as HTMLInputElement).value = at === undefined ? '' : String(at);
    setTime(at);
  };
  const withCounter = (name: 'message' | 'suggestion', hint: string) => {
    const over = lengths[name] > max;
    return (
      <>
        {hint}{' '}
        <span className={over ? 'report__count report__count--over' : 'report__count'} data-testid={`report-${name}-count`}>
          {interpolate(over ? labels.counterOver : labels.counter, { count: lengths[name].toLocaleString(localeTags[locale]) })}
        </span>
      </>
    );
  };

  return (
    <section className="card report" id="report" aria-labelledby="report-title" ref={section}>
      <h2 id="report-title">{labels.heading}</h2>
      <p className="muted">{labels.intro}</p>
      {state.status !== 'idle' && state.message && (
        <div className={`notice notice--${state.status}`} role={state.status === 'error' ? 'alert' : 'status'} tabIndex={-1} ref={notice} data-testid="report-notice">
          {state.message}
        </div>
      )}
      <form
        action={action}
        noValidate
        onSubmit={(event) => fillTime(event.currentTarget)}
        onInput={(event) => {
          const field = event.target as HTMLTextAreaElement;
          if (field.name === 'message' || field.name === 'suggestion') setLengths((now) => ({ ...now, [field.name]: field.value.length }));
        }}
      >
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="course" value={course} />
        <input type="hidden" name="lesson" value={lesson} />
        <input type="hidden" name="videoTime" defaultValue="" />
        <Field id="report-where" label={labels.where} error={errors.where}>
          {(control) => (
            <select key={values.where ?? ''} name="where" className="input" required defaultValue={values.where ?? ''} onChange={(event) => fillTime(event.target.form)} {...control}>
              <option value="" disabled>
                {labels.choose}
              </option>
              <optgroup label={labels.paragraphs}>
                {paragraphs.map((p) => (
                  <option key={p.id} value={`paragraph:${p.id}`}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
              <option value="summary">{labels.summary}</option>
              <optgroup label={labels.quiz}>
                {questions.map((q) => (
                  <option key={q.id} value={`quiz:${q.id}`}>
                    {q.label}
                  </option>
                ))}
              </optgroup>
              {translated && <option value="translation">{labels.translation}</option>}
              <option value="video">{time === undefined ? labels.video : interpolate(labels.videoAt, { time: clock(time) })}</option>
            </select>
          )}
        </Field>
        <Field id="report-message" label={labels.message} hint={withCounter('message', labels.messageHint)} error={errors.message}>
          {(control) => <textarea name="message" className="input" rows={4} required defaultValue={values.message} {...control} />}
        </Field>
        <Field id="report-suggestion" label={labels.suggestion} hint={withCounter('suggestion', labels.suggestionHint)} error={errors.suggestion}>
          {(control) => <textarea name="suggestion" className="input" rows={3} defaultValue={values.suggestion} {...control} />}
        </Field>
        {/* Signed-in readers hear back on their own page: the root layout's session hint hides the e-mail (the server ignores one sent anyway). */}
        <div className="report__email">
          <Field id="report-email" label={labels.email} hint={labels.emailHint} error={errors.email}>
            {(control) => <input name="email" type="email" className="input" autoComplete="email" defaultValue={values.email} {...control} />}
          </Field>
        </div>
        <p className="report__signed-in muted small">{labels.signedInNote}</p>
        <div className="hp" aria-hidden="true">
          <label htmlFor="report-website">{labels.honeypot}</label>
          <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button className="button" type="submit" disabled={pending}>
          {labels.submit}
        </button>
      </form>
    </section>
  );
}

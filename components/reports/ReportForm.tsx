'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { clock } from '@/lib/format';
import { idleForm } from '@/lib/http/form-state';
import { interpolate } from '@/lib/i18n/interpolate';
import { usePlayerState } from '@/lib/player/store';
import type { Locale } from '@/lib/i18n/locales';
import { submitReportAction } from '@/lib/reports/actions';

export type ReportLabels = Record<
  | 'heading' | 'intro' | 'where' | 'paragraphs' | 'summary' | 'quiz' | 'translation' | 'video' | 'videoAt'
  | 'message' | 'messageHint' | 'suggestion' | 'suggestionHint' | 'email' | 'emailHint' | 'honeypot' | 'submit',
  string
>;

type Props = {
  locale: Locale;
  course: string;
  lesson: string;
  paragraphs: { id: string; label: string }[];
  questions: { id: string; label: string }[];
  labels: ReportLabels;
};

const videoTime = () => (document.querySelector('[data-testid="lesson-video"]') as HTMLVideoElement | null)?.currentTime;

/** The lesson's error-report form: a server action, so it works without JavaScript too. */
export function ReportForm({ locale, course, lesson, paragraphs, questions, labels }: Props) {
  const [state, action, pending] = useActionState(submitReportAction, idleForm);
  const [time, setTime] = useState<number>();
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  const section = useRef<HTMLElement>(null);
  // A ⚑ in the transcript asks (through the player store) for a report on its paragraph: preset "where" and take the reader here.
  const request = usePlayerState((player) => player.reportRequest);
  useEffect(() => {
    const form = section.current?.querySelector('form');
    if (!request || !form) return;
    (form.elements.namedItem('where') as HTMLSelectElement).value = request.where;
    section.current!.scrollIntoView();
    (form.elements.namedItem('message') as HTMLTextAreaElement).focus();
  }, [request]);
  // The video option takes the player's current time, into the label and the hidden field.
  const fillTime = (form: HTMLFormElement | null) => {
    if (!form) return;
    const at = (form.elements.namedItem('where') as HTMLSelectElement).value === 'video' ? videoTime() : undefined;
    (form.elements.namedItem('videoTime') as HTMLInputElement).value = at === undefined ? '' : String(at);
    setTime(at);
  };

  return (
    <section className="card report" id="report" aria-labelledby="report-title" ref={section}>
      <h2 id="report-title">{labels.heading}</h2>
      <p className="muted">{labels.intro}</p>
      {state.status !== 'idle' && state.message && <Notice tone={state.status === 'success' ? 'success' : 'error'}>{state.message}</Notice>}
      <form action={action} noValidate onSubmit={(event) => fillTime(event.currentTarget)}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="course" value={course} />
        <input type="hidden" name="lesson" value={lesson} />
        <input type="hidden" name="videoTime" defaultValue="" />
        <Field id="report-where" label={labels.where} error={errors.where}>
          {(control) => (
            <select key={values.where ?? ''} name="where" className="input" defaultValue={values.where ?? 'translation'} onChange={(event) => fillTime(event.target.form)} {...control}>
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
              <option value="translation">{labels.translation}</option>
              <option value="video">{time === undefined ? labels.video : interpolate(labels.videoAt, { time: clock(time) })}</option>
            </select>
          )}
        </Field>
        <Field id="report-message" label={labels.message} hint={labels.messageHint} error={errors.message}>
          {(control) => <textarea name="message" className="input" rows={4} maxLength={2000} required defaultValue={values.message} {...control} />}
        </Field>
        <Field id="report-suggestion" label={labels.suggestion} hint={labels.suggestionHint} error={errors.suggestion}>
          {(control) => <textarea name="suggestion" className="input" rows={3} maxLength={2000} defaultValue={values.suggestion} {...control} />}
        </Field>
        <Field id="report-email" label={labels.email} hint={labels.emailHint} error={errors.email}>
          {(control) => <input name="email" type="email" className="input" autoComplete="email" defaultValue={values.email} {...control} />}
        </Field>
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

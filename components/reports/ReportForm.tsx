'use client';

import { useActionState, useState } from 'react';
import { Notice } from '@/components/ui/Notice';
import { clock } from '@/lib/format';
import { idleForm } from '@/lib/http/form-state';
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
  const described = (name: string, hint: boolean) => [hint && `report-${name}-hint`, errors[name] && `report-${name}-error`].filter(Boolean).join(' ') || undefined;
  const error = (name: string) =>
    errors[name] && (
      <span className="field__error" id={`report-${name}-error`}>
        {errors[name]}
      </span>
    );
  // The video option takes the player's current time, into the label and the hidden field.
  const fillTime = (form: HTMLFormElement | null) => {
    if (!form) return;
    const at = (form.elements.namedItem('where') as HTMLSelectElement).value === 'video' ? videoTime() : undefined;
    (form.elements.namedItem('videoTime') as HTMLInputElement).value = at === undefined ? '' : String(at);
    setTime(at);
  };

  return (
    <section className="card report" id="report" aria-labelledby="report-title">
      <h2 id="report-title">{labels.heading}</h2>
      <p className="muted">{labels.intro}</p>
      {state.status !== 'idle' && state.message && <Notice tone={state.status === 'success' ? 'success' : 'error'}>{state.message}</Notice>}
      <form action={action} noValidate onSubmit={(event) => fillTime(event.currentTarget)}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="course" value={course} />
        <input type="hidden" name="lesson" value={lesson} />
        <input type="hidden" name="videoTime" defaultValue="" />
        <div className="field">
          <label htmlFor="report-where">{labels.where}</label>
          <select
            key={values.where ?? ''}
            id="report-where"
            name="where"
            className="input"
            defaultValue={values.where ?? 'translation'}
            aria-invalid={errors.where ? true : undefined}
            aria-describedby={described('where', false)}
            onChange={(event) => fillTime(event.target.form)}
          >
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
            <option value="video">{time === undefined ? labels.video : labels.videoAt.replace('{time}', clock(time))}</option>
          </select>
          {error('where')}
        </div>
        <div className="field">
          <label htmlFor="report-message">{labels.message}</label>
          <span className="field__hint" id="report-message-hint">
            {labels.messageHint}
          </span>
          <textarea
            id="report-message"
            name="message"
            className="input"
            rows={4}
            maxLength={2000}
            required
            defaultValue={values.message}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={described('message', true)}
          />
          {error('message')}
        </div>
        <div className="field">
          <label htmlFor="report-suggestion">{labels.suggestion}</label>
          <span className="field__hint" id="report-suggestion-hint">
            {labels.suggestionHint}
          </span>
          <textarea
            id="report-suggestion"
            name="suggestion"
            className="input"
            rows={3}
            maxLength={2000}
            defaultValue={values.suggestion}
            aria-invalid={errors.suggestion ? true : undefined}
            aria-describedby={described('suggestion', true)}
          />
          {error('suggestion')}
        </div>
        <div className="field">
          <label htmlFor="report-email">{labels.email}</label>
          <span className="field__hint" id="report-email-hint">
            {labels.emailHint}
          </span>
          <input
            id="report-email"
            name="email"
            type="email"
            className="input"
            autoComplete="email"
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={described('email', true)}
          />
          {error('email')}
        </div>
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

'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { diffWords, needsRemovalConfirmation } from '@/lib/corrections/diff';
import { idleForm } from '@/lib/http/form-state';
import type { Locale } from '@/lib/i18n/locales';
import { applyCorrectionAction } from '@/lib/reports/editor-actions';

type Labels = Record<'correction' | 'hint' | 'note' | 'changes' | 'noChanges' | 'removed' | 'added' | 'confirmRemoval' | 'apply', string>;

type Props = { locale: Locale; reportId: number; current: string; textMax: number; noteMax: number; labels: Labels };

/**
 * Apply a correction: the passage as it reads now, to edit in place; what
 * changes, before → after, as it is typed; and a confirmation when most of the
 * passage would go. Without JavaScript the diff and the confirmation come back
 * with the server's answer.
 */
export function ApplyCorrectionForm({ locale, reportId, current, textMax, noteMax, labels }: Props) {
  const [state, action, pending] = useActionState(applyCorrectionAction, idleForm);
  const [text, setText] = useState(state.values.text ?? current);
  // A refused form comes back with the typed text: the diff follows it (React's "adjust state on a prop change" pattern).
  const [shown, setShown] = useState(state);
  if (shown !== state) {
    setShown(state);
    setText(state.values.text ?? current);
  }
  const parts = diffWords(current, text.replace(/\r\n?/g, '\n').trim());
  const changed = parts.some((part) => part.kind !== 'same');
  const confirm = needsRemovalConfirmation(current, text.trim());
  return (
    <form action={action} noValidate data-testid="apply-form">
      {state.status === 'error' && state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={reportId} />
      <Field id="apply-form-text" label={labels.correction} hint={labels.hint} error={state.fieldErrors?.text}>
        {(control) => <textarea name="text" className="input" rows={6} maxLength={textMax} defaultValue={state.values.text ?? current} onInput={(event) => setText(event.currentTarget.value)} {...control} />}
      </Field>
      <h3 id="apply-diff-title">{labels.changes}</h3>
      <p className="diff user-text" aria-labelledby="apply-diff-title" data-testid="apply-diff">
        {changed
          ? parts.map((part, index) =>
              part.kind === 'same' ? (
                <span key={index}>{part.text}</span>
              ) : part.kind === 'removed' ? (
                <del key={index}>
                  <span className="visually-hidden">[{labels.removed}: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <ins key={index}>
                  <span className="visually-hidden">[{labels.added}: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ),
            )
          : labels.noChanges}
      </p>
      {confirm && (
        <p className={state.fieldErrors?.confirmRemoval ? 'field field--invalid' : 'field'}>
          <label className="toggle">
            <input type="checkbox" name="confirmRemoval" value="yes" data-testid="confirm-removal" aria-describedby={state.fieldErrors?.confirmRemoval ? 'apply-confirm-error' : undefined} /> {labels.confirmRemoval}
          </label>
          {state.fieldErrors?.confirmRemoval && (
            <span className="field__error" id="apply-confirm-error">
              {state.fieldErrors.confirmRemoval}
            </span>
          )}
        </p>
      )}
      <Field id="apply-form-note" label={labels.note} error={state.fieldErrors?.note}>
        {(control) => <textarea name="note" className="input" rows={2} maxLength={noteMax} defaultValue={state.values.note} {...control} />}
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {labels.apply}
        </button>
      </div>
    </form>
  );
}

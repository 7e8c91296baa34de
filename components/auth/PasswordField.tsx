'use client';

import { useState, useSyncExternalStore } from 'react';
import { Field } from '@/components/ui/Field';

type Props = { name: string; label: string; hint?: string; error?: string; showLabel: string; autoComplete: string; defaultValue?: string };

const noSubscription = () => () => undefined;

/**
 * A password input with a "show password" checkbox. The checkbox appears once
 * JavaScript runs (it could do nothing without it): without JavaScript this is
 * a plain password field.
 */
export function PasswordField({ name, label, hint, error, showLabel, autoComplete, defaultValue }: Props) {
  const id = `field-${name}`;
  const [shown, setShown] = useState(false);
  // False in the server's HTML, true once hydrated: the toggle only exists where it can work.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <>
          <input className="input" name={name} type={shown ? 'text' : 'password'} autoComplete={autoComplete} autoCapitalize="off" spellCheck={false} required defaultValue={defaultValue} {...control} />
          {interactive && (
            <label className="toggle password-toggle">
              <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} aria-controls={id} data-testid={`${name}-show`} /> {showLabel}
            </label>
          )}
        </>
      )}
    </Field>
  );
}

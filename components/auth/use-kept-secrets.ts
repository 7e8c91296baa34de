'use client';

import { useEffect, useRef, type FormEvent } from 'react';
import type { FormState } from '@/lib/http/form-state';

/**
 * Passwords are never echoed back by the server, and React 19 empties a form
 * after its action. When the answer says the refusal was not about what was
 * typed (`keepSecrets`: busy, or a limit), this puts the typed passwords back,
 * from the browser's memory only. Without JavaScript the field stays empty.
 */
export function useKeptSecrets(state: FormState): (event: FormEvent<HTMLFormElement>) => void {
  const typed = useRef<Array<[HTMLInputElement, string]>>([]);
  useEffect(() => {
    // Runs after React has reset the form for this answer.
    if (state.keepSecrets) for (const [input, value] of typed.current) input.value = value;
    typed.current = [];
  }, [state]);
  return (event: FormEvent<HTMLFormElement>) => {
    typed.current = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type=password]')].map((input) => [input, input.value]);
  };
}

import type { FieldErrors } from './form-errors';

/**
 * What a form's action returns. `values` echoes what was typed (except secrets),
 * because React 19 resets uncontrolled fields after an action.
 */
export type FormState = {
  status: 'idle' | 'error' | 'success';
  message?: string;
  fieldErrors?: FieldErrors;
  values: Record<string, string>;
};

export const idleForm: FormState = { status: 'idle', values: {} };

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
  /**
   * The refusal was not about what was typed (the server was busy, or a limit
   * was full): the form puts back the secrets it never gets echoed (passwords),
   * so trying again is one click.
   */
  keepSecrets?: true;
};

export const idleForm: FormState = { status: 'idle', values: {} };

import { dictionary } from '@zxcvbn-ts/language-common';

export const passwordMinLength = 8;
export const passwordMaxLength = 256;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary['passwords-common'] as string[]).filter((word) => word.length >= passwordMinLength),
  );
  return common;
}

/** The numbers the password messages quote. */
export const passwordVars = { min: passwordMinLength, max: passwordMaxLength };

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordLikeEmail';

/** NIST/OWASP style: length and a deny list, no composition rules. */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < passwordMinLength) return 'passwordTooShort';
  if (password.length > passwordMaxLength) return 'passwordTooLong';
  if (commonPasswords().has(password.toLowerCase())) return 'passwordCommon';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'passwordLikeEmail';
  return null;
}

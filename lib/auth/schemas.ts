import { z } from 'zod';
import { passwordMaxLength } from './password-policy';

export const nameMaxLength = 100;

/** E-mails are compared lower-cased and trimmed, so "Ann@X.it " and "ann@x.it" are one account. */
export const emailField = z
  .string()
  .trim()
  .min(1, 'required')
  .max(254, 'emailInvalid')
  .pipe(z.email('emailInvalid'))
  .transform((email) => email.toLowerCase());

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'required').max(passwordMaxLength, 'passwordTooLong'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const registerSchema = z.object({
  name: z.string().trim().min(1, 'required').max(nameMaxLength, 'nameTooLong'),
  email: emailField,
  password: z.string().min(1, 'required'),
});
export type RegisterInput = z.infer<typeof registerSchema>;

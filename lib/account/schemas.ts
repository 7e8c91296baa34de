import { z } from 'zod';
import { emailField, nameMaxLength } from '@/lib/auth/schemas';
import { passwordMaxLength } from '@/lib/auth/password-policy';
import { locales } from '@/lib/i18n/locales';

const password = z.string({ error: 'required' }).min(1, 'required').max(passwordMaxLength, 'passwordTooLong');
const token = z.string().max(100);

export const forgotSchema = z.object({ locale: z.string(), email: emailField });
export const resetSchema = z.object({ locale: z.string(), token, password });
export const confirmEmailSchema = z.object({ locale: z.string(), token });
export const profileSchema = z.object({
  locale: z.string(),
  name: z.string().trim().min(1, 'required').max(nameMaxLength, 'nameTooLong'),
  language: z.enum(locales, { error: 'badRequest' }),
});
export const emailChangeSchema = z.object({ locale: z.string(), email: emailField, currentPassword: password });
export const passwordChangeSchema = z.object({ locale: z.string(), currentPassword: password, password });
export const endSessionSchema = z.object({ locale: z.string(), session: z.string().min(1).max(100) });
export const plainSchema = z.object({ locale: z.string() });
export const deleteAccountSchema = z.object({ locale: z.string(), currentPassword: password, confirm: z.literal('yes', { error: 'confirmRequired' }) });

import { z } from 'zod';
import { emailField } from '@/lib/auth/schemas';
import { correctionProblem } from '@/lib/corrections/markdown';
import { isLocale } from '@/lib/i18n/locales';
import type { ReportTarget } from './types';

export const reportLimits = { messageMin: 10, messageMax: 2000, suggestionMax: 2000, noteMax: 1000, correctionMax: 5000 } as const;

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'notFound');

export type Where = { target: ReportTarget; targetId: string | null };

/** `paragraph:<id>`, `quiz:<id>`, `summary`, `translation`, `video` → a target; anything else → undefined. */
export function parseWhere(value: string): Where | undefined {
  const [kind, id, ...rest] = value.split(':');
  if (rest.length > 0) return undefined;
  if ((kind === 'paragraph' || kind === 'quiz') && id && /^[a-z0-9-]{1,80}$/.test(id)) return { target: kind, targetId: id };
  if ((kind === 'summary' || kind === 'translation' || kind === 'video') && id === undefined) return { target: kind, targetId: null };
  return undefined;
}

export function whereValue(where: Where): string {
  return where.targetId ? `${where.target}:${where.targetId}` : where.target;
}

/** Blank optional fields are absent; line endings are normalized so the length is what the user sees. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.replace(/\r\n?/g, '\n').trim() || undefined)
    .pipe(z.string().max(max, tooLong).optional());

/** A report form post. `website` is the honeypot: people leave it empty. */
export const reportSchema = z.object({
  locale: z.string().refine(isLocale, 'badRequest'),
  course: slug,
  lesson: slug,
  where: z
    .string({ error: 'reportWhere' })
    .transform((value, context) => {
      const where = parseWhere(value);
      if (!where) context.addIssue({ code: 'custom', message: 'reportWhere' });
      return where ?? { target: 'translation' as const, targetId: null };
    }),
  videoTime: z
    .string()
    .optional()
    .transform((value) => {
      const seconds = Number(value);
      return value && Number.isFinite(seconds) && seconds >= 0 && seconds < 86_400 ? Math.floor(seconds) : undefined;
    }),
  message: z
    .string({ error: 'required' })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'required').min(reportLimits.messageMin, 'reportTooShort').max(reportLimits.messageMax, 'reportTooLong')),
  suggestion: optionalText(reportLimits.suggestionMax, 'suggestionTooLong'),
  email: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(emailField.optional()),
  website: z.string().optional(),
});
export type ReportInput = z.infer<typeof reportSchema>;

/** A bot filled the hidden field. */
export function isSpam(input: { website?: string }): boolean {
  return Boolean(input.website && input.website.trim());
}

export const statusChangeSchema = z.object({
  locale: z.string().optional(),
  id: z.coerce.number().int().positive(),
  to: z.enum(['new', 'in_review', 'accepted', 'rejected', 'applied'], 'badRequest'),
  note: optionalText(reportLimits.noteMax, 'noteTooLong'),
});

export const correctionSchema = z.object({
  locale: z.string().optional(),
  id: z.coerce.number().int().positive(),
  text: z
    .string({ error: 'required' })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'required').max(reportLimits.correctionMax, 'correctionTooLong'))
    // Inline markdown only (emphasis, links): no HTML, JSX, code, nor a javascript: link (lib/corrections/markdown.ts).
    .superRefine((value, ctx) => {
      const problem = correctionProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  note: optionalText(reportLimits.noteMax, 'noteTooLong'),
  /** Ticked when the correction removes most of the passage (lib/corrections/diff.ts). */
  confirmRemoval: z.literal('yes').optional().catch(undefined),
});

export const revertSchema = z.object({
  locale: z.string().optional(),
  id: z.coerce.number().int().positive(),
  override: z.coerce.number().int().positive(),
});

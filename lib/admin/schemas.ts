import { z } from 'zod';
import { learnerSorts, learnerStatuses } from '@/db/admin-progress';
import { roles } from '@/lib/auth/roles';
import { defaultLocale, locales } from '@/lib/i18n/locales';

// Query parameters come from links anyone can edit: a bad value falls back to the default, never a 500.
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const search = z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined);

export const learnerTableSchema = z.object({
  q: search,
  status: z.enum(learnerStatuses).optional().catch(undefined),
  sort: z.enum(learnerSorts).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page,
});
export type LearnerTableParams = z.infer<typeof learnerTableSchema>;

export const userListSchema = z.object({ q: search, page });

/** The CSV: a course, and optionally the admin's language (headers, status words), a separator and the learner list's filters. */
export const csvQuerySchema = z.object({
  course: z.string().regex(/^[a-z0-9-]{1,80}$/),
  locale: z.enum(locales).catch(defaultLocale),
  sep: z.enum(['semicolon', 'comma']).optional().catch(undefined),
  q: search,
  status: z.enum(learnerStatuses).optional().catch(undefined),
});

/** The confirmed role change, with the list's filter to return to (the confirmation page is the one extra step). */
export const roleChangeSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(roles),
  q: search,
  page,
});

/** The user list's address for a filter: where a role change starts and lands. */
export function userListHref(locale: string, { q, page }: { q?: string; page?: number }, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(q && { q }), ...(page && page > 1 && { page: String(page) }), ...extra });
  const query = params.toString();
  return `/${locale}/admin/users${query ? `?${query}` : ''}`;
}

/** Flattens Next's searchParams (a repeated key becomes its first value). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

import { z } from 'zod';
import { learnerSorts, learnerStatuses } from '@/db/admin-progress';
import { roles } from '@/lib/auth/roles';

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

export const csvQuerySchema = z.object({ course: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export const roleChangeSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(roles),
  confirm: z.literal('yes', { error: 'confirmRequired' }),
});

/** Flattens Next's searchParams (a repeated key becomes its first value). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

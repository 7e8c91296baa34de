import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'must be a course or lesson slug');
const seconds = z.number().finite().min(0, 'must not be negative').max(86_400, 'is too large');

export const maxIntervalsPerHeartbeat = 100;

export const heartbeatSchema = z
  .object({
    course: slug,
    lesson: slug,
    intervals: z
      .array(z.tuple([seconds, seconds]).refine(([start, end]) => end >= start, 'an interval must not end before it starts'))
      .max(maxIntervalsPerHeartbeat, `at most ${maxIntervalsPerHeartbeat} intervals`),
    /** Where the player is; left out when resending old intervals (from an earlier visit), so the resume point stays. */
    position: seconds.optional(),
    /** The player's clock when it sent this (ms), so a late heartbeat can't rewind the resume point. */
    sentAt: z.number().int().positive().optional(),
  })
  .strict();

export const courseQuerySchema = z.object({ course: slug }).strict();

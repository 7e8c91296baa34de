import { apiRoute } from '@/lib/http/api-route';
import { progressNow } from '@/lib/progress/clock';
import { recordHeartbeat } from '@/lib/progress/record';
import { courseStatus } from '@/lib/progress/status';
import { courseQuerySchema, heartbeatSchema } from '@/lib/progress/schemas';

/** A signed-in learner's player reports watched intervals and the position. */
export const POST = apiRoute({
  access: 'user',
  schema: heartbeatSchema,
  run: ({ user, input }) => recordHeartbeat(user!, input, progressNow()),
});

/** The learner's progress in a course. */
export const GET = apiRoute({
  access: 'user',
  schema: courseQuerySchema,
  run: ({ user, input }) => courseStatus(user!.id, input.course),
});

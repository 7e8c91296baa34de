import { database } from '../../db';

export const dynamic = 'force-dynamic';

/** One SQLite read by key (compared with GET /api/progress). */
export function GET(request) {
  const learner = new URL(request.url).searchParams.get('learner') ?? '';
  return Response.json({ rows: database().read.all(learner) }, { headers: { 'Cache-Control': 'private, no-store' } });
}

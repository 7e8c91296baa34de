export const dynamic = 'force-dynamic';

/** A bare route handler answering a small JSON body (compared with /api/me). */
export function GET() {
  return Response.json({ user: null }, { headers: { 'Cache-Control': 'private, no-store' } });
}

import { cookies } from 'next/headers';
import { sessionUser } from '../../db';

export const dynamic = 'force-dynamic';

/** GET /api/me's own work, bare: the session cookie, one read of the session joined to its user (compared with /api/me). */
export async function GET() {
  const user = sessionUser(await cookies());
  return Response.json({ user: user ? { name: user.name, email: user.email, role: user.role } : null }, { headers: { 'Cache-Control': 'private, no-store' } });
}

import { cookies } from 'next/headers';
import { database, sessionUser } from '../../db';

/** A heartbeat's own work, bare: the session read, the JSON body, the row read and written in one transaction (compared with the heartbeat). */
export async function POST(request) {
  const user = sessionUser(await cookies());
  if (!user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const body = await request.json();
  const position = database().beat.immediate(user.id, String(body.lesson), Number(body.position) || 0);
  return Response.json({ ok: true, position });
}

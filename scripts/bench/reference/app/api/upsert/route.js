import { database } from '../../db';

/** Parses a JSON body and does one SQLite upsert (compared with the signed-in heartbeat). */
export async function POST(request) {
  const body = await request.json();
  database().upsert.run(String(body.learner), String(body.lesson), Number(body.position) || 0, Date.now());
  return Response.json({ ok: true });
}

import { NextResponse } from 'next/server';
import { databaseIsUp } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Liveness plus a real query against the database. */
export async function GET() {
  const up = await databaseIsUp();
  return NextResponse.json(up ? { status: 'ok', database: 'ok' } : { status: 'error', database: 'unavailable' }, { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

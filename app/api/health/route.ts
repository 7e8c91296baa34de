import { NextResponse } from 'next/server';
import { checkDatabase } from '@/db/health';

export const dynamic = 'force-dynamic';

/** Liveness plus a real query against the database. */
export function GET() {
  try {
    checkDatabase();
    return NextResponse.json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('health check failed', error);
    return NextResponse.json({ status: 'error', database: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

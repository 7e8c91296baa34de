import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';

/** Who is signed in, for the header's client island (pages themselves stay static). */
export async function GET() {
  const user = await getCurrentUser();
  return NextResponse.json(
    { user: user && { name: user.name, email: user.email, role: user.role } },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

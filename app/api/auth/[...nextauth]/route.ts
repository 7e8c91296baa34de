import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { refusedSignInAs429 } from '@/lib/auth/callback-response';

export const { GET } = handlers;

/** Auth.js's own endpoints; a sign-in refused for its limits answers 429 with Retry-After. */
export async function POST(request: NextRequest): Promise<Response> {
  return refusedSignInAs429(request, await handlers.POST(request));
}

import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { refusedSignInAs429 } from '@/lib/auth/callback-response';
import { authEndpoint } from '@/lib/http/auth-endpoint';

export const GET = authEndpoint(handlers.GET);

/** Auth.js's own endpoints, bounded (authEndpoint); a sign-in refused for its limits answers 429 with Retry-After. */
export const POST = authEndpoint(async (request: NextRequest) => refusedSignInAs429(request, await handlers.POST(request)));

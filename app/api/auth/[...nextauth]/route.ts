import { handlers } from '@/lib/auth/auth';
import { authEndpoint } from '@/lib/http/auth-endpoint';

export const GET = authEndpoint(handlers.GET);
export const POST = authEndpoint(handlers.POST);

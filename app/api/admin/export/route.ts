import { z } from 'zod';
import { userDataDownload } from '@/lib/account/profile';
import { apiRoute } from '@/lib/http/api-route';
import { AppError } from '@/lib/http/errors';

/** An admin downloads what the platform stores about one person (the same file they can download themselves). */
export const GET = apiRoute({
  access: 'admin',
  schema: z.object({ user: z.string().min(1).max(100) }),
  run: async ({ input }) => {
    const download = await userDataDownload(input.user);
    if (!download) throw new AppError('notFound');
    return download;
  },
});

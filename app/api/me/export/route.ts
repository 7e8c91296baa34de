import { z } from 'zod';
import { userDataDownload } from '@/lib/account/profile';
import { apiRoute } from '@/lib/http/api-route';
import { AppError } from '@/lib/http/errors';

/** The signed-in user's own data, as a JSON download (any other user's: never, there is no id to ask for). */
export const GET = apiRoute({
  access: 'user',
  schema: z.object({}),
  run: async ({ user }) => {
    const download = await userDataDownload(user!.id);
    if (!download) throw new AppError('notFound');
    return download;
  },
});

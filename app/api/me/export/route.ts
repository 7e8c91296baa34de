import { NextResponse } from 'next/server';
import { z } from 'zod';
import { exportUserData } from '@/lib/account/profile';
import { apiRoute } from '@/lib/http/api-route';
import { AppError } from '@/lib/http/errors';

/** The signed-in user's own data, as a JSON download (any other user's: never, there is no id to ask for). */
export const GET = apiRoute({
  access: 'user',
  schema: z.object({}),
  run: ({ user }) => {
    const data = exportUserData(user!.id);
    if (!data) throw new AppError('notFound');
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="aula-data-${data.exportedAt.slice(0, 10)}.json"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});

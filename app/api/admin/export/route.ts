import { NextResponse } from 'next/server';
import { z } from 'zod';
import { exportUserData } from '@/lib/account/profile';
import { apiRoute } from '@/lib/http/api-route';
import { AppError } from '@/lib/http/errors';

/** An admin downloads what the platform stores about one person (the same file they can download themselves). */
export const GET = apiRoute({
  access: 'admin',
  schema: z.object({ user: z.string().min(1).max(100) }),
  run: ({ input }) => {
    const data = exportUserData(input.user);
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

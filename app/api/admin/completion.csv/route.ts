import { completionCsv } from '@/lib/admin/export';
import { csvQuerySchema } from '@/lib/admin/schemas';
import { apiRoute } from '@/lib/http/api-route';
import { adminCourse } from '@/lib/admin/course';

/** The course's completion per learner as a streamed CSV download (admins only). */
export const GET = apiRoute({
  access: 'admin',
  schema: csvQuerySchema,
  run: ({ input }) => {
    adminCourse(input.course); // an unknown course is a JSON 404 before the stream starts
    const day = new Date().toISOString().slice(0, 10);
    return new Response(completionCsv(input.course), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${input.course}-completion-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});

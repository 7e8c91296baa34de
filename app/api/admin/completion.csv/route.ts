import { completionCsv } from '@/lib/admin/export';
import { separatorFor } from '@/lib/admin/csv';
import { csvQuerySchema } from '@/lib/admin/schemas';
import { apiRoute } from '@/lib/http/api-route';
import { adminCourse } from '@/lib/admin/course';

/**
 * The course's completion per learner as a streamed CSV download (admins
 * only): `locale` for the headers and status words, `sep` (semicolon or comma;
 * by default the one the locale's Excel expects), and the learner list's
 * filters `q` and `status`.
 */
export const GET = apiRoute({
  access: 'admin',
  schema: csvQuerySchema,
  run: ({ input }) => {
    adminCourse(input.course); // an unknown course is a JSON 404 before the stream starts
    const day = new Date().toISOString().slice(0, 10);
    const separator = input.sep === 'comma' ? ',' : input.sep === 'semicolon' ? ';' : separatorFor(input.locale);
    return new Response(completionCsv({ course: input.course, locale: input.locale, separator, search: input.q, status: input.status }), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${input.course}-completion-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});

import { getLiveLesson } from '@/lib/corrections';
import { lessonFileParams, localeOfFile } from '@/lib/content/files';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return lessonFileParams('txt');
}

/** The transcript as a plain-text download. */
export async function GET(_request: Request, { params }: { params: Promise<{ course: string; lesson: string; file: string }> }) {
  const { course, lesson: slug, file } = await params;
  const locale = localeOfFile(file, 'txt');
  const lesson = locale && await getLiveLesson(course, slug, locale);
  if (!lesson) return new Response('Not found', { status: 404 });
  const text = [lesson.title, '', ...lesson.paragraphs.map((p) => p.text).flatMap((p) => [p, ''])].join('\n');
  return new Response(text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${slug}-${locale}.txt"` },
  });
}

import { liveCaptionsVtt } from '@/lib/corrections';
import { lessonFileParams, localeOfFile } from '@/lib/content/files';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return lessonFileParams('vtt');
}

/** WebVTT captions of a lesson in one locale, timed on the Italian narration. */
export async function GET(_request: Request, { params }: { params: Promise<{ course: string; lesson: string; file: string }> }) {
  const { course, lesson, file } = await params;
  const locale = localeOfFile(file, 'vtt');
  const vtt = locale && await liveCaptionsVtt(course, lesson, locale);
  if (!vtt) return new Response('Not found', { status: 404 });
  return new Response(vtt, { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } });
}

'use server';

import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { insertReport } from '@/db/reports';
import { getLiveLesson } from '@/lib/corrections';
import { clientIp } from '@/lib/http/client-ip';
import { defaultLocale } from '@/lib/i18n/locales';
import { formAction } from '@/lib/http/form-action';
import { localizeError } from '@/lib/http/form-errors';
import { checkLimit, consumeLimit, minutesUntil } from '@/lib/security/rate-limit';
import { reportLimitsFor, reporterCookie } from './limits';
import { reportRef } from './ref';
import { isSpam, reportSchema } from './validation';

/** The anonymous reporter's browser: its random id from the cookie, set on the first report. */
async function reporterBrowser(): Promise<string> {
  const jar = await cookies();
  const known = jar.get(reporterCookie)?.value;
  if (known && /^[A-Za-z0-9_-]{16,64}$/.test(known)) return known;
  const id = randomBytes(16).toString('base64url');
  jar.set(reporterCookie, id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 30 * 24 * 3600 });
  return id;
}

/**
 * A report from a lesson page, by anyone. Works as a plain form post; a bad
 * field comes back next to the field with everything typed, nothing stored.
 */
export const submitReportAction = formAction({
  schema: reportSchema,
  async run(input, { user, t }) {
    // A bot filled the hidden field: thank it, store nothing.
    if (isSpam(input)) return { status: 'success', message: t('report.thanks', { ref: '—' }) };
    const locale = input.locale as Parameters<typeof getLiveLesson>[2];
    const lesson = await getLiveLesson(input.course, input.lesson, locale);
    if (!lesson) return { status: 'error', message: localizeError('notFound', t) };
    const { target, targetId } = input.where;
    // "The translation" is offered on translated pages only: the Italian original has none.
    const exists =
      target === 'paragraph' ? lesson.paragraphs.some((p) => p.id === targetId)
      : target === 'quiz' ? lesson.quiz.some((q) => q.id === targetId)
      : target === 'translation' ? lesson.textLocale !== defaultLocale
      : true;
    if (!exists) return { status: 'error', message: t('auth.fixErrors'), fieldErrors: { where: localizeError('reportWhere', t) } };

    const now = new Date();
    const limits = reportLimitsFor({ ip: clientIp(await headers()), userId: user?.id, browser: user ? '' : await reporterBrowser() });
    const blocked = (await Promise.all(limits.map((limit) => checkLimit(limit, now)))).filter((state) => state.limited);
    if (blocked.length > 0) {
      const minutes = minutesUntil(Math.max(...blocked.map((state) => state.retryAfterMs)));
      return { status: 'error', message: localizeError('reportRateLimited', t, { minutes }) };
    }
    for (const limit of limits) await consumeLimit(limit, now);

    const report = await insertReport({
      report: {
        course: input.course,
        lesson: input.lesson,
        locale: input.locale,
        target,
        targetId,
        videoTime: target === 'video' ? (input.videoTime ?? null) : null,
        message: input.message,
        suggestion: input.suggestion ?? null,
        // A signed-in reader hears back on their own page: an e-mail typed anyway is not kept.
        email: user ? null : (input.email ?? null),
        userId: user?.id ?? null,
        createdAt: now,
        updatedAt: now,
      },
    });
    return { status: 'success', message: t('report.thanks', { ref: reportRef(report.id) }) };
  },
});

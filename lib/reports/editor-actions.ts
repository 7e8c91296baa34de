'use server';

import { redirect } from 'next/navigation';
import { applyCorrection, findOverride, overrideHistory, revertOverride } from '@/db/corrections';
import { needsRemovalConfirmation } from '@/lib/corrections/diff';
import { changeReportStatus, findReport } from '@/db/reports';
import { AppError } from '@/lib/http/errors';
import { formAction } from '@/lib/http/form-action';
import { localizeError } from '@/lib/http/form-errors';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { notifyReporter } from './notify';
import { correctablePassage, isCorrectable } from './passage';
import { revalidateLessonText } from './revalidate';
import { manualStatuses } from './status';
import { correctionSchema, revertSchema, statusChangeSchema } from './validation';

const reportPage = (locale: Locale, id: number, done: string) => `/${locale}/editor/reports/${id}?done=${done}`;

/** Moves a report along the workflow, recording who, when and the note. Editors and admins only. */
export const changeStatusAction = formAction({
  schema: statusChangeSchema,
  role: 'editor',
  async run({ id, to, note }, { user, locale, t }) {
    const report = await findReport({ id });
    if (!report) throw new AppError('notFound');
    if (!manualStatuses(report.status, isCorrectable(report)).includes(to)) return { status: 'error', message: localizeError('reportChanged', t) };
    if (!(await changeReportStatus({ id, from: report.status, to, userId: user!.id, note, now: new Date() }))) {
      return { status: 'error', message: localizeError('reportChanged', t) };
    }
    if (to === 'rejected') await notifyReporter(report, 'rejected', note);
    redirect(reportPage(locale, id, 'statusChanged'));
  },
});

/** Applies the edited text over the lesson at once, and revalidates the pages that show it. */
export const applyCorrectionAction = formAction({
  schema: correctionSchema,
  role: 'editor',
  async run({ id, text, note, confirmRemoval }, { user, locale, t }) {
    const report = await findReport({ id });
    if (!report) throw new AppError('notFound');
    const passage = correctablePassage(report);
    if (!passage) throw new AppError('badRequest');
    if (report.status !== 'accepted' && report.status !== 'applied') return { status: 'error', message: t('editor.applyNeedsAccepted') };
    const target = { course: report.course, lesson: report.lesson, locale: passage.textLocale, target: passage.target, targetId: passage.targetId };
    // Most of the passage would go (a one-sentence suggestion over a paragraph?): only with the box ticked.
    const current = (await overrideHistory(target)).find((entry) => entry.endedAt === null)?.text ?? passage.originalText;
    if (needsRemovalConfirmation(current, text) && confirmRemoval !== 'yes') {
      const message = localizeError('correctionRemovesMuch', t);
      return { status: 'error', message, fieldErrors: { confirmRemoval: message } };
    }
    const created = await applyCorrection({
      reportId: id,
      from: report.status,
      target,
      originalText: passage.originalText,
      text,
      userId: user!.id,
      note,
      now: new Date(),
    });
    if (!created) return { status: 'error', message: localizeError('reportChanged', t) };
    await revalidateLessonText(report.course, report.lesson, passage.textLocale);
    await notifyReporter(report, 'applied', note);
    redirect(reportPage(locale, id, 'applied'));
  },
});

/** Ends a live correction: the file's text shows again. */
export const revertCorrectionAction = formAction({
  schema: revertSchema,
  role: 'editor',
  async run({ id, override: overrideId }, { user, locale, t }) {
    const override = await findOverride({ id: overrideId });
    if (!override || !isLocale(override.locale)) throw new AppError('notFound');
    if (!(await revertOverride({ id: overrideId, userId: user!.id, now: new Date() }))) return { status: 'error', message: localizeError('reportChanged', t) };
    await revalidateLessonText(override.course, override.lesson, override.locale);
    redirect(reportPage(locale, id, 'reverted'));
  },
});

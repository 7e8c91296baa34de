import 'server-only';
import { overrideHistory } from '@/db/corrections';
import { findReport, listReportEvents } from '@/db/reports';
import { getCourse, getFileText } from '@/lib/content';
import { getLiveLesson } from '@/lib/corrections';
import { summaryToText } from '@/lib/corrections/text';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { paragraphLabel } from './labels';
import { correctablePassage, isCorrectable, reportedText, spokenParagraph } from './passage';
import { manualStatuses } from './status';

/**
 * Everything the editor's page about one report shows: the passage in
 * context (and the Italian original of a translation), the report, its status
 * history, the moves allowed now, and the passage's corrections.
 */
export async function reportDetail(id: number, viewerLocale: Locale) {
  const report = await findReport({ id });
  if (!report) return undefined;
  const reportLocale = isLocale(report.locale) ? report.locale : defaultLocale;
  const lesson = await getLiveLesson(report.course, report.lesson, reportLocale);
  const textLocale = lesson?.textLocale ?? reportLocale;
  const lessonPath = `/${reportLocale}/courses/${report.course}/${report.lesson}`;
  const spoken = spokenParagraph(report, lesson);
  const paragraph = report.target === 'paragraph' ? lesson?.paragraphs.find((p) => p.id === report.targetId) : undefined;
  const passage = correctablePassage(report);
  const target = passage && { course: report.course, lesson: report.lesson, locale: passage.textLocale, target: passage.target, targetId: passage.targetId };
  const history = target ? await overrideHistory(target) : [];
  const liveOverride = history.find((entry) => entry.endedAt === null);
  const fileText = passage && getFileText(report.course, report.lesson, passage.textLocale);
  const fileVersion = fileText && (passage.target === 'summary' ? summaryToText(fileText.summary) : fileText.paragraphs.find((p) => p.id === passage.targetId)?.text);
  return {
    report,
    reportLocale,
    textLocale,
    courseTitle: getCourse(report.course, viewerLocale)?.title ?? report.course,
    lessonTitle: lesson?.title ?? report.lesson,
    lessonUrl: `${lessonPath}${report.target === 'paragraph' ? `#${report.targetId}` : ''}`,
    paragraphTitle: paragraph && paragraphLabel(paragraph),
    spoken: spoken && { title: paragraphLabel(spoken), url: `${lessonPath}#${spoken.id}` },
    reported: reportedText(report, lesson),
    original: reportLocale === defaultLocale ? undefined : reportedText(report, await getLiveLesson(report.course, report.lesson, defaultLocale)),
    events: await listReportEvents({ reportId: report.id }),
    moves: manualStatuses(report.status, isCorrectable(report)),
    correction: passage && {
      history,
      liveOverride,
      canApply: report.status === 'accepted' || report.status === 'applied',
      // What the lesson shows now: the editor corrects it in place (the reader's suggestion is shown beside it, never pasted over it).
      current: liveOverride?.text ?? fileVersion ?? '',
    },
  };
}

export type ReportDetail = NonNullable<Awaited<ReturnType<typeof reportDetail>>>;

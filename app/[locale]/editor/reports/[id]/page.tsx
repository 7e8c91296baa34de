import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditorForm } from '@/components/reports/EditorForm';
import { Notice } from '@/components/ui/Notice';
import { overrideHistory } from '@/db/corrections';
import { findReport, listReportEvents } from '@/db/reports';
import { getCourse, getFileText, getLesson } from '@/lib/content';
import { clock } from '@/lib/format';
import { defaultLocale, isLocale, localeNames, localeTags } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { applyCorrectionAction, changeStatusAction, revertCorrectionAction } from '@/lib/reports/editor-actions';
import { formatDateTime } from '@/lib/reports/format';
import { requireUser } from '@/lib/auth/guard';
import { summaryToText } from '@/lib/reports/overrides';
import { parseReportRef, reportRef } from '@/lib/reports/ref';
import { manualStatuses } from '@/lib/reports/status';
import { reportLimits } from '@/lib/reports/validation';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const n = parseReportRef(id);
  return { title: getTranslator(locale)('editor.reportTitle', { ref: n ? reportRef(n) : '' }), robots: { index: false } };
}

const doneKeys = { statusChanged: 'editor.statusChanged', applied: 'editor.applied', reverted: 'editor.reverted' } as const;

/** One report: the passage in context, the report, its history, and the editor's actions. */
export default async function ReportPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  if (!isLocale(locale)) notFound();
  const id = parseReportRef(rawId);
  await requireUser(locale, `/${locale}/editor/reports/${rawId}`, 'editor');
  const report = id ? findReport({ id }) : undefined;
  if (!report) notFound();
  const t = getTranslator(locale);
  const done = (await searchParams).done;
  const doneKey = typeof done === 'string' && done in doneKeys ? doneKeys[done as keyof typeof doneKeys] : undefined;

  const reportLocale = isLocale(report.locale) ? report.locale : defaultLocale;
  const lesson = getLesson(report.course, report.lesson, reportLocale);
  const original = getLesson(report.course, report.lesson, defaultLocale);
  const courseTitle = getCourse(report.course, locale)?.title ?? report.course;
  const textLocale = lesson?.textLocale ?? reportLocale;

  const passageIn = (which: typeof lesson) => {
    if (!which) return undefined;
    if (report.target === 'paragraph') return which.paragraphs.find((p) => p.id === report.targetId)?.text;
    if (report.target === 'summary') return summaryToText(which.summary);
    if (report.target === 'quiz') {
      const question = which.quiz.find((q) => q.id === report.targetId);
      return question && [question.prompt, ...question.choices.map((c) => `${c.id}) ${c.text}`)].join('\n');
    }
    if (report.target === 'video') return which.paragraphs.find((p) => report.videoTime !== null && p.start <= report.videoTime && report.videoTime < p.end)?.text;
    return undefined;
  };
  const reported = passageIn(lesson);
  // The paragraph being spoken at the reported time: the lesson opens there (#id seeks the video).
  const spokenAt = report.videoTime === null ? undefined : lesson?.paragraphs.find((p) => p.start <= report.videoTime! && report.videoTime! < p.end);
  const italian = reportLocale === defaultLocale ? undefined : passageIn(original);
  const paragraphTitle = report.target === 'paragraph' ? lesson?.paragraphs.find((p) => p.id === report.targetId)?.keyPoint : undefined;

  const correctable = report.target === 'paragraph' || report.target === 'summary';
  const target = correctable
    ? { course: report.course, lesson: report.lesson, locale: textLocale, target: report.target as 'paragraph' | 'summary', targetId: report.target === 'summary' ? '' : (report.targetId ?? '') }
    : undefined;
  const history = target ? overrideHistory(target) : [];
  const liveOverride = history.find((h) => h.endedAt === null);
  const fileText = getFileText(report.course, report.lesson, textLocale);
  const events = listReportEvents({ reportId: report.id });
  const moves = manualStatuses(report.status, correctable);
  const lessonUrl = `/${reportLocale}/courses/${report.course}/${report.lesson}${report.target === 'paragraph' ? `#${report.targetId}` : ''}`;
  const ref = reportRef(report.id);

  return (
    <div className="report-detail">
      <p>
        <a href={`/${locale}/editor`}>← {t('editor.back')}</a>
      </p>
      <h1>
        {t('editor.reportTitle', { ref })} <span className={`status status--${report.status}`} data-testid="report-status">{t(`reportStatus.${report.status}`)}</span>
      </h1>
      {doneKey && <Notice tone="success">{t(doneKey)}</Notice>}

      <section className="card" aria-labelledby="passage-title">
        <h2 id="passage-title">{t('editor.passage')}</h2>
        <dl className="definition">
          <dt>{t('editor.lesson')}</dt>
          <dd>
            {courseTitle} › <a href={lessonUrl}>{lesson?.title ?? report.lesson}</a>
          </dd>
          <dt>{t('editor.where')}</dt>
          <dd>
            {t(`reportWhere.${report.target}`)}
            {paragraphTitle && ` — ${paragraphTitle}`}
            {report.target === 'quiz' && report.targetId && ` — ${report.targetId}`}
          </dd>
          <dt>{t('editor.locale')}</dt>
          <dd>{localeNames[reportLocale]}</dd>
          {report.videoTime !== null && (
            <>
              <dt>{t('editor.videoTime')}</dt>
              <dd>
                {clock(report.videoTime)}
                {spokenAt && (
                  <>
                    {' — '}
                    <a href={`/${reportLocale}/courses/${report.course}/${report.lesson}#${spokenAt.id}`}>{spokenAt.keyPoint}</a>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
        {reported && (
          <>
            <h3>{t('editor.passageIn', { language: localeNames[textLocale] })}</h3>
            <p className="passage" lang={localeTags[textLocale]} data-testid="passage">
              {reported}
            </p>
          </>
        )}
        {italian && (
          <>
            <h3>{t('editor.original')}</h3>
            <p className="passage" lang="it" data-testid="passage-original">
              {italian}
            </p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="report-body-title">
        <h2 id="report-body-title">{t('editor.report')}</h2>
        <p className="user-text" data-testid="report-message">
          {report.message}
        </p>
        <h3>{t('editor.suggestion')}</h3>
        <p className="user-text" data-testid="report-suggestion">
          {report.suggestion ?? t('editor.none')}
        </p>
        <dl className="definition">
          <dt>{t('editor.reporter')}</dt>
          <dd data-testid="report-reporter">{report.reporterName ? `${report.reporterName} <${report.reporterEmail}>` : t('editor.anonymous')}</dd>
          <dt>{t('editor.replyTo')}</dt>
          <dd data-testid="report-email">{report.email ?? report.reporterEmail ?? t('editor.none')}</dd>
          <dt>{t('editor.date')}</dt>
          <dd>{formatDateTime(report.createdAt, locale)}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t('editor.changeStatus')}</h2>
        {moves.length === 0 ? (
          <p className="muted">{t('editor.noMoves')}</p>
        ) : (
          <EditorForm
            key={`${report.status}-${events.length}`}
            action={changeStatusAction}
            testId="status-form"
            hidden={{ locale, id: String(report.id) }}
            fields={[{ name: 'note', label: t('editor.note'), maxLength: reportLimits.noteMax }]}
            submits={moves.map((to) => ({ name: 'to', value: to, label: t('editor.moveTo', { status: t(`reportStatus.${to}`) }) }))}
          />
        )}
        <h3>{t('editor.history')}</h3>
        <ol className="history" data-testid="status-history">
          {events.map((event) => (
            <li key={event.id}>
              <span className={`status status--${event.toStatus}`}>{t(`reportStatus.${event.toStatus}`)}</span>{' '}
              <span className="muted small">{t('editor.byOn', { name: event.userName ?? t('editor.anonymous'), date: formatDateTime(event.createdAt, locale) })}</span>
              {event.note && <span className="user-text"> — {event.note}</span>}
            </li>
          ))}
        </ol>
      </section>

      {target && (
        <section className="card" aria-labelledby="apply-title">
          <h2 id="apply-title">{t('editor.applyTitle')}</h2>
          {liveOverride && (
            <div className="notice notice--success" data-testid="live-override">
              <p>
                <strong>{t('editor.live')}</strong>
              </p>
              <p className="user-text">{liveOverride.text}</p>
              <EditorForm
                action={revertCorrectionAction}
                testId="revert-form"
                hidden={{ locale, id: String(report.id), override: String(liveOverride.id) }}
                submits={[{ label: t('editor.revert') }]}
              />
            </div>
          )}
          {report.status === 'accepted' || report.status === 'applied' ? (
            <EditorForm
              key={`${report.status}-${liveOverride?.id ?? 'none'}`}
              action={applyCorrectionAction}
              testId="apply-form"
              hidden={{ locale, id: String(report.id) }}
              fields={[
                {
                  name: 'text',
                  label: t('editor.correction'),
                  hint: t('editor.applyHint'),
                  rows: 6,
                  maxLength: reportLimits.correctionMax,
                  defaultValue: report.suggestion ?? liveOverride?.text ?? (report.target === 'summary' ? summaryToText(fileText?.summary ?? []) : fileText?.paragraphs.find((p) => p.id === report.targetId)?.text),
                },
                { name: 'note', label: t('editor.note'), maxLength: reportLimits.noteMax },
              ]}
              submits={[{ label: t('editor.apply') }]}
            />
          ) : (
            <p className="muted">{t('editor.applyNeedsAccepted')}</p>
          )}
          {history.length > 0 && (
            <>
              <h3>{t('editor.passageHistory')}</h3>
              <ol className="history" data-testid="passage-history">
                {history.map((entry) => (
                  <li key={entry.id}>
                    <p className="muted small">
                      {t('editor.byOn', { name: entry.createdByName ?? t('editor.none'), date: formatDateTime(entry.createdAt, locale) })}
                      {entry.endReason && entry.endedAt && ` · ${t('editor.ended', { reason: t(`editor.reason_${entry.endReason}`) })} (${formatDateTime(entry.endedAt, locale)})`}
                      {entry.exportedAt && ` · ${t('editor.reason_exported')} (${formatDateTime(entry.exportedAt, locale)})`}
                    </p>
                    <p className="small">
                      <strong>{t('editor.before')}:</strong> <span className="user-text">{entry.previousText}</span>
                    </p>
                    <p className="small">
                      <strong>{t('editor.after')}:</strong> <span className="user-text">{entry.text}</span>
                    </p>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}

import { clock } from '@/lib/format';
import { localeNames, localeTags } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { ReportDetail } from '@/lib/reports/detail';

/** Where the reported passage is, and its text (with the Italian original for a translation). */
export function PassageCard({ detail, t }: { detail: ReportDetail; t: Translate }) {
  const { report } = detail;
  return (
    <section className="card" aria-labelledby="passage-title">
      <h2 id="passage-title">{t('editor.passage')}</h2>
      <dl className="definition">
        <dt>{t('editor.lesson')}</dt>
        <dd>
          {detail.courseTitle} › <a href={detail.lessonUrl}>{detail.lessonTitle}</a>
        </dd>
        <dt>{t('editor.where')}</dt>
        <dd>
          {t(`reportWhere.${report.target}`)}
          {detail.paragraphTitle && ` — ${detail.paragraphTitle}`}
          {report.target === 'quiz' && report.targetId && ` — ${report.targetId}`}
        </dd>
        <dt>{t('editor.locale')}</dt>
        <dd>{localeNames[detail.reportLocale]}</dd>
        {report.videoTime !== null && (
          <>
            <dt>{t('editor.videoTime')}</dt>
            <dd>
              {clock(report.videoTime)}
              {detail.spoken && (
                <>
                  {' — '}
                  <a href={detail.spoken.url}>{detail.spoken.title}</a>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {detail.reported && (
        <>
          <h3>{t('editor.passageIn', { language: localeNames[detail.textLocale] })}</h3>
          <p className="passage" lang={localeTags[detail.textLocale]} data-testid="passage">
            {detail.reported}
          </p>
        </>
      )}
      {detail.original && (
        <>
          <h3>{t('editor.original')}</h3>
          <p className="passage" lang="it" data-testid="passage-original">
            {detail.original}
          </p>
        </>
      )}
    </section>
  );
}

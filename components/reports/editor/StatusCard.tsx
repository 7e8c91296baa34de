import { EditorForm } from '@/components/reports/EditorForm';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { ReportDetail } from '@/lib/reports/detail';
import { changeStatusAction } from '@/lib/reports/editor-actions';
import { formatDateTime } from '@/lib/format';
import { reportLimits } from '@/lib/reports/validation';
import { isCorrectable } from '@/lib/reports/passage';

/** The moves allowed now (with a note) and the report's status history. */
export function StatusCard({ detail, locale, t }: { detail: ReportDetail; locale: Locale; t: Translate }) {
  const { report, moves, events } = detail;
  // A paragraph or summary report leaves "applied" only when its correction is reverted (older rows carry the English note "reverted").
  const isRevert = (event: (typeof events)[number]) => isCorrectable(report) && event.fromStatus === 'applied' && event.toStatus === 'accepted';
  return (
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
            {isRevert(event) ? <span> — {t('editor.revertNote')}</span> : event.note && <span className="user-text"> — {event.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

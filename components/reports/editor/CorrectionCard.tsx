import { EditorForm } from '@/components/reports/EditorForm';
import { ApplyCorrectionForm } from './ApplyCorrectionForm';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { ReportDetail } from '@/lib/reports/detail';
import { revertCorrectionAction } from '@/lib/reports/editor-actions';
import { formatDateTime } from '@/lib/format';
import { reportLimits } from '@/lib/reports/validation';

type Correction = NonNullable<ReportDetail['correction']>;

/** A paragraph or summary report: the correction in force (revertable), the form to apply one, and the passage's history. */
export function CorrectionCard({ reportId, status, hasSuggestion, correction, locale, t }: { reportId: number; status: string; hasSuggestion: boolean; correction: Correction; locale: Locale; t: Translate }) {
  const { liveOverride, history } = correction;
  return (
    <section className="card" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('editor.applyTitle')}</h2>
      {liveOverride && (
        <div className="notice notice--success" data-testid="live-override">
          <p>
            <strong>{t('editor.live')}</strong>
          </p>
          <p className="user-text">{liveOverride.text}</p>
          <EditorForm action={revertCorrectionAction} testId="revert-form" hidden={{ locale, id: String(reportId), override: String(liveOverride.id) }} submits={[{ label: t('editor.revert') }]} />
        </div>
      )}
      {correction.canApply ? (
        <ApplyCorrectionForm
          key={`${status}-${liveOverride?.id ?? 'none'}`}
          locale={locale}
          reportId={reportId}
          current={correction.current}
          textMax={reportLimits.correctionMax}
          noteMax={reportLimits.noteMax}
          labels={{
            correction: t('editor.correction'),
            hint: `${t('editor.applyHint')}${hasSuggestion ? ` ${t('editor.useSuggestion')}` : ''}`,
            note: t('editor.note'),
            changes: t('editor.changes'),
            noChanges: t('editor.noChanges'),
            removed: t('editor.removed'),
            added: t('editor.added'),
            confirmRemoval: t('editor.confirmRemoval'),
            apply: t('editor.apply'),
          }}
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
  );
}

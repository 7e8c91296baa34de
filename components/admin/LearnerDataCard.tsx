import { ActionForm } from '@/components/ui/ActionForm';
import { deleteLearnerAction } from '@/lib/admin/account-actions';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

/** For an admin on a learner's page: download their data, or delete their account. */
export function LearnerDataCard({ userId, locale, t }: { userId: string; locale: Locale; t: Translate }) {
  return (
    <section className="card account__section account__danger" aria-labelledby="learner-data" data-testid="learner-data">
      <h2 id="learner-data">{t('admin.learnerData.title')}</h2>
      <p>
        <a className="button button--quiet" href={`/api/admin/export?user=${encodeURIComponent(userId)}`} download data-testid="learner-export">
          {t('admin.learnerData.export')}
        </a>
      </p>
      <p className="muted">{t('account.deleteIntro')}</p>
      <ActionForm
        id="delete-learner"
        action={deleteLearnerAction}
        hidden={{ locale, userId }}
        fields={[{ kind: 'checkbox', name: 'confirm', value: 'yes', label: t('admin.learnerData.deleteConfirm') }]}
        submit={t('admin.learnerData.delete')}
      />
    </section>
  );
}

import { DataTable } from '@/components/ui/DataTable';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { mailStatus } from '@/lib/mail';

type MailStatus = Awaited<ReturnType<typeof mailStatus>>;
const statuses = ['sent', 'pending', 'failed'] as const;

/** E-mail for admins: how much went out, what is waiting for a retry or was given up, and why. */
export function MailStatusCard({ status, locale, t }: { status: MailStatus; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="admin-mail" data-testid="admin-mail">
      <h2 id="admin-mail">{t('admin.mail.title')}</h2>
      <dl className="stat-grid">
        {statuses.map((name) => (
          <div key={name} className="card stat" data-mail-status={name}>
            <dt>{t(`admin.mail.${name}`)}</dt>
            <dd>{status.counts[name] ?? 0}</dd>
          </div>
        ))}
      </dl>
      {status.undelivered.length > 0 && (
        <DataTable
          caption={t('admin.mail.undelivered')}
          variant="stack"
          rows={status.undelivered}
          rowKey={(mail) => String(mail.id)}
          columns={[
            { key: 'recipient', header: t('admin.mail.recipient'), rowHeader: true, cell: (mail) => mail.recipient },
            { key: 'status', header: t('admin.mail.state'), cell: (mail) => t(`admin.mail.${mail.status === 'failed' ? 'failed' : 'pending'}`) },
            { key: 'attempts', header: t('admin.mail.attempts'), cell: (mail) => mail.attempts },
            { key: 'next', header: t('admin.mail.nextAttempt'), cell: (mail) => (mail.status === 'failed' ? '—' : formatDateTime(mail.nextAttemptAt, locale)) },
            { key: 'error', header: t('admin.mail.lastError'), cell: (mail) => mail.lastError ?? '—' },
          ]}
        />
      )}
    </section>
  );
}

import { ActionForm } from '@/components/ui/ActionForm';
import { DataTable } from '@/components/ui/DataTable';
import { endOtherSessionsAction, endSessionAction } from '@/lib/account/actions';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

export type AccountSessionView = {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  browser: { browser: string; system: string } | null;
  current: boolean;
};

/** The devices where the user is signed in: end any one, or all but this one. */
export function SessionsCard({ sessions, locale, t }: { sessions: AccountSessionView[]; locale: Locale; t: Translate }) {
  const device = (session: AccountSessionView) => (session.browser ? t('account.browserOn', session.browser) : t('account.unknownBrowser'));
  return (
    <section className="card account__section" aria-labelledby="sessions-title" data-testid="account-sessions">
      <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
      <p className="muted">{t('account.sessionsIntro')}</p>
      <DataTable
        caption={t('account.sessionsTitle')}
        variant="stack"
        rows={sessions}
        rowKey={(session) => session.handle}
        rowProps={(session) => ({ 'data-current': session.current ? 'true' : undefined })}
        columns={[
          { key: 'device', header: t('account.device'), rowHeader: true, cell: (s) => (s.current ? `${device(s)} (${t('account.thisDevice')})` : device(s)) },
          { key: 'signedIn', header: t('account.signedIn'), cell: (s) => formatDateTime(s.createdAt, locale) },
          { key: 'lastSeen', header: t('account.lastSeen'), cell: (s) => formatDateTime(s.lastSeenAt ?? s.createdAt, locale) },
          {
            key: 'end',
            header: <span className="visually-hidden">{t('account.endSession')}</span>,
            cell: (s) => (s.current ? null : <ActionForm id={`end-${s.handle}`} action={endSessionAction} hidden={{ locale, session: s.handle }} submit={t('account.endSession')} quiet />),
          },
        ]}
      />
      {sessions.length > 1 && <ActionForm id="end-others" action={endOtherSessionsAction} hidden={{ locale }} submit={t('account.endOthers')} quiet />}
    </section>
  );
}

import type { Locale } from '@/lib/i18n/locales';

type Props = { locale: Locale; next: string; title: string; body: string; signIn: string; signUp: string };

/**
 * The notice every anonymous visitor sees above the video. It is part of the
 * prerendered page; signed-in learners get their progress in its place.
 */
export function SignInNotice({ locale, next, title, body, signIn, signUp }: Props) {
  const back = `?next=${encodeURIComponent(next)}`;
  return (
    <div className="notice notice--info sign-in-notice" data-testid="anon-notice">
      <p>
        <strong>{title}</strong> {body}
      </p>
      <p className="sign-in-notice__actions">
        <a className="button" href={`/${locale}/login${back}`}>
          {signIn}
        </a>
        <a className="button button--quiet" href={`/${locale}/register${back}`}>
          {signUp}
        </a>
      </p>
    </div>
  );
}

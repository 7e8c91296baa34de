import type { MDXComponents, MDXContent } from 'mdx/types';
import { needed } from '@/components/progress/labels';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { retention } from '@/lib/maintenance/retention';
import { heartbeatSeconds } from '@/lib/progress/rules';

/**
 * The numbers the help and privacy pages quote, from their one home (the
 * progress rules, the retention), so the words never drift from what the app
 * does: `<Rule name="video" />` in the MDX.
 */
export function ruleComponents(locale: Locale): MDXComponents {
  const values = {
    video: formatNumber(needed.video / 100, locale, { style: 'percent' }),
    quiz: formatNumber(needed.quiz / 100, locale, { style: 'percent' }),
    heartbeat: formatNumber(heartbeatSeconds, locale),
    sessionDays: formatNumber(retention.endedSessionsDays, locale),
  };
  return { Rule: ({ name }: { name: keyof typeof values }) => <>{values[name]}</> };
}

/** A page of text written in MDX (help, privacy), one file per locale. */
export function SitePage({ Text, locale }: { Text: MDXContent; locale: Locale }) {
  return (
    <article className="prose site-page">
      <Text components={ruleComponents(locale)} />
    </article>
  );
}

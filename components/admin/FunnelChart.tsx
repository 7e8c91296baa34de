import type { LessonFunnel } from '@/lib/admin/course';
import type { Translate } from '@/lib/i18n/messages';

const steps = ['started', 'videoWatched', 'quizPassed', 'complete'] as const;

/**
 * Horizontal bars per lesson, one per funnel step. An image for assistive
 * technology (title and description); the same numbers are in the table below it.
 */
export function FunnelChart({ funnels, titles, t }: { funnels: LessonFunnel[]; titles: Record<string, string>; t: Translate }) {
  const max = Math.max(1, ...funnels.map((f) => f.started));
  const bar = 14;
  const group = steps.length * (bar + 3) + 30;
  // A narrow drawing, so its text stays legible when a phone scales it down.
  const width = 420;
  const height = funnels.length * group + 30;
  return (
    <figure className="funnel">
      <svg role="img" aria-labelledby="funnel-title funnel-desc" viewBox={`0 0 ${width} ${height}`} className="funnel__chart">
        <title id="funnel-title">{t('admin.funnel.chartTitle')}</title>
        <desc id="funnel-desc">{t('admin.funnel.chartDesc')}</desc>
        {funnels.map((funnel, i) => {
          const top = i * group;
          return (
            <g key={funnel.lesson} transform={`translate(0 ${top})`}>
              <text x={0} y={16} className="funnel__lesson">
                {`${i + 1}. ${titles[funnel.lesson] ?? funnel.lesson}`}
              </text>
              {steps.map((step, s) => {
                const value = funnel[step];
                const length = Math.max(value > 0 ? 2 : 0, (value / max) * (width - 150));
                const y = 24 + s * (bar + 3);
                return (
                  <g key={step}>
                    <rect x={0} y={y} width={length} height={bar} rx={3} className={`funnel__bar funnel__bar--${step}`} />
                    <text x={length + 6} y={y + bar - 3} className="funnel__value">
                      {`${value} · ${t(`admin.funnel.${step}`)}`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

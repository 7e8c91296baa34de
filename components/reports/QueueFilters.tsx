import type { LessonSummary } from '@/lib/content';
import { localeNames, locales } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { reportStatuses, reportTargets, type ReportFilter } from '@/lib/reports/types';

/** The queue's filters, a plain GET form (works without JavaScript). */
export function QueueFilters({ action, filter, lessons, t }: { action: string; filter: ReportFilter; lessons: LessonSummary[]; t: Translate }) {
  return (
    <form className="filters card" method="get" action={action}>
      <Select name="status" label={t('editor.status')} all={t('editor.all')} value={filter.status} options={reportStatuses.map((s) => [s, t(`reportStatus.${s}`)])} />
      <Select name="lesson" label={t('editor.lesson')} all={t('editor.all')} value={filter.lesson} options={lessons.map((l) => [l.slug, `${l.order}. ${l.title}`])} />
      <Select name="locale" label={t('editor.locale')} all={t('editor.all')} value={filter.locale} options={locales.map((l) => [l, localeNames[l]])} />
      <Select name="where" label={t('editor.where')} all={t('editor.all')} value={filter.target} options={reportTargets.map((w) => [w, t(`reportWhere.${w}`)])} />
      <button className="button" type="submit">
        {t('editor.filter')}
      </button>
    </form>
  );
}

function Select({ name, label, all, value, options }: { name: string; label: string; all: string; value?: string; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} className="input" defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

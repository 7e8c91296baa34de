import { separatorFor } from '@/lib/admin/csv';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

type Props = { locale: Locale; course: string; filters?: { q?: string; status?: string }; label: string; t: Translate };

/**
 * The completion CSV as a plain GET form (works without JavaScript): the
 * admin's language for headers and status words, the separator their Excel
 * expects (preselected from the language, changeable), and the list's filters.
 */
export function CsvDownload({ locale, course, filters = {}, label, t }: Props) {
  const id = `csv-sep-${course}`;
  return (
    <form className="csv-download" method="get" action="/api/admin/completion.csv" data-testid="csv-form">
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="locale" value={locale} />
      {filters.q && <input type="hidden" name="q" value={filters.q} />}
      {filters.status && <input type="hidden" name="status" value={filters.status} />}
      <label htmlFor={id}>{t('admin.csvSeparator')}</label>
      <select className="input input--inline" id={id} name="sep" defaultValue={separatorFor(locale) === ';' ? 'semicolon' : 'comma'}>
        <option value="semicolon">{t('admin.csvSemicolon')}</option>
        <option value="comma">{t('admin.csvComma')}</option>
      </select>
      <button className="button button--quiet" type="submit" data-testid="csv-link">
        {label}
      </button>
    </form>
  );
}

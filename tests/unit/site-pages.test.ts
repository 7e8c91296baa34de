import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleComponents } from '@/components/mdx/site-page';
import { formatNumber } from '@/lib/format';
import { locales } from '@/lib/i18n/locales';
import { quizPassPercent, videoCompleteRatio } from '@/lib/progress/rules';
import { compileMdx, renderMdx } from '../support/render-mdx';

// The help and privacy pages are MDX in five languages; the numbers they quote
// come from the rules' one home, never typed into the text.

const text = (page: string, locale: string) => readFileSync(path.join(process.cwd(), 'app/[locale]', page, '_text', `${locale}.mdx`), 'utf8');

describe('help and privacy pages', () => {
  it.each(locales)('help in %s quotes the progress rules and links the privacy page', async (locale) => {
    const source = text('help', locale);
    expect(source).not.toMatch(/\b(90|70)\s?%/);
    const html = renderMdx(await compileMdx(source), ruleComponents(locale));
    expect(html).toContain(formatNumber(videoCompleteRatio, locale, { style: 'percent' }));
    expect(html).toContain(formatNumber(quizPassPercent / 100, locale, { style: 'percent' }));
    expect(html).toContain('href="privacy"');
    expect(html.match(/<h2>/g)).toHaveLength(4);
  });

  it.each(locales)('privacy in %s renders', async (locale) => {
    const html = renderMdx(await compileMdx(text('privacy', locale)), ruleComponents(locale));
    expect(html).toMatch(/<h1>.+<\/h1>/);
    expect(html).not.toContain('<Rule');
  });
});

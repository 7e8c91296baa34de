import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { transcriptComponents, type LessonScope } from '@/components/lesson/mdx/lesson-components';
import { correctionProblem, markdownToPlain } from '@/lib/corrections/markdown';
import { applyOverrides, correctionSources } from '@/lib/corrections/text';
import { correctionSchema } from '@/lib/reports/validation';

const scope = (paragraphs: Record<string, string>): LessonScope => ({
  locale: 'it',
  course: 'corso',
  lessons: ['prima', 'seconda'],
  starts: new Map([['p-1', 12]]),
  corrections: { paragraphs },
  labels: { jumpTo: 'Vai a {time}', report: 'Segnala', takeaways: 'Punti chiave' },
});

/** The paragraph as the lesson page renders it, with `correction` live over the file's text. */
function rendered(correction: string): string {
  const { Paragraph } = transcriptComponents(scope({ 'p-1': correction })) as { Paragraph: (props: { id: string; children?: string }) => React.ReactNode };
  return renderToStaticMarkup(createElement(Paragraph, { id: 'p-1' }, 'testo del file'));
}

describe('an editor correction in inline markdown', () => {
  it('renders emphasis, strong and a link to another lesson through the lesson components', () => {
    const html = rendered('Il *cliente* è **sempre** al centro: vedi [la seconda lezione](../seconda#p-3).');
    expect(html).toContain('<em>cliente</em>');
    expect(html).toContain('<strong>sempre</strong>');
    expect(html).toContain('<a href="/it/courses/corso/seconda#p-3">la seconda lezione</a>');
    expect(html).not.toContain('testo del file');
    expect(html).toContain('data-paragraph="p-1"');
  });

  it('a link to a lesson that does not exist stays text', () => {
    expect(rendered('Vedi [altro](../nessuna).')).toContain('<span>altro</span>');
  });

  it.each([
    ['HTML', '<b>grassetto</b>', 'correctionMarkup'],
    ['a script', 'testo <script>alert(1)</script>', 'correctionMarkup'],
    ['JSX', 'Un <Tip>consiglio</Tip>', 'correctionMarkup'],
    ['an expression', 'Costa {prezzo} euro', 'correctionMarkup'],
    ['code', 'Premi `Invio`', 'correctionMarkup'],
    ['a heading', '# Titolo', 'correctionMarkup'],
    ['an image', '![logo](/logo.png)', 'correctionMarkup'],
    ['a javascript: link', '[clic](javascript:alert(1))', 'correctionLink'],
    ['a disguised javascript: link', '[clic](JaVa%09script:alert(1))', 'correctionLink'],
    ['a data: link', '[clic](data:text/html,x)', 'correctionLink'],
    ['an autolink to javascript:', '<javascript:alert(1)>', 'correctionMarkup'],
  ])('refuses %s', (_name, text, problem) => {
    expect(correctionProblem(text)).toBe(problem);
    // Even if such a text was stored, it is shown as inert, escaped text.
    const html = rendered(text);
    expect(html).not.toMatch(/<(b|script|img|code|h1)[\s>]/);
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="data');
  });

  it.each([
    ['plain text', 'Un testo semplice.'],
    ['emphasis and strong', 'Un *testo* **importante**.'],
    ['links', 'Vedi [la lezione](../prima), [il sito](https://example.org/x) o [scrivici](mailto:info@example.org).'],
    ['Chinese', '客户的*期望*很高。'],
  ])('accepts %s', (_name, text) => expect(correctionProblem(text)).toBeUndefined());

  it('gives captions and search the words without markup', () => {
    expect(markdownToPlain('Il *cliente* vede [la lezione](../prima).')).toBe('Il cliente vede la lezione.');
    const text = { paragraphs: [{ id: 'p-1', text: 'vecchio' }], summary: ['vecchio'] };
    const live = applyOverrides(text, [
      { target: 'paragraph', targetId: 'p-1', text: 'Il **nuovo** testo.' },
      { target: 'summary', targetId: '', text: 'Uno *due*.\n\nTre [quattro](../prima).' },
    ]);
    expect(live.paragraphs[0]!.text).toBe('Il nuovo testo.');
    expect(live.summary).toEqual(['Uno due.', 'Tre quattro.']);
    expect(correctionSources([{ target: 'paragraph', targetId: 'p-1', text: 'Il **nuovo**\n testo.' }]).paragraphs['p-1']).toBe('Il **nuovo** testo.');
  });

  it('the apply form refuses it with the localized message key', () => {
    const parsed = correctionSchema.safeParse({ id: 1, text: '[x](javascript:alert(1))' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('correctionLink');
    expect(correctionSchema.safeParse({ id: 1, text: 'Un *testo* corretto.' }).success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { diffWords, needsRemovalConfirmation, removedShare } from '@/lib/corrections/diff';
import { firstWords, paragraphLabel } from '@/lib/reports/labels';
import { reportLimitMax, reportLimitsFor } from '@/lib/reports/limits';

const paragraph = 'Quando un cliente alza la voce, abbassa la tua. Ascolta fino alla fine, poi riassumi ciò che hai capito e chiedi conferma.';

describe('the correction diff', () => {
  it('marks one changed word as removed and added, the rest the same', () => {
    expect(diffWords('Ascolta fino alla fine.', 'Ascolta sempre fino alla fine.')).toEqual([
      { kind: 'same', text: 'Ascolta ' },
      { kind: 'added', text: 'sempre ' },
      { kind: 'same', text: 'fino alla fine.' },
    ]);
    const parts = diffWords('abbassa la tua', 'abbassa la sua');
    expect(parts[0]).toEqual({ kind: 'same', text: 'abbassa la ' });
    expect(parts.slice(1)).toHaveLength(2);
    expect(parts.slice(1)).toEqual(expect.arrayContaining([{ kind: 'removed', text: 'tua' }, { kind: 'added', text: 'sua' }]));
  });

  it('rebuilds both texts from its parts', () => {
    const after = 'Quando un cliente alza la voce, resta calmo. Ascolta fino alla fine.';
    const parts = diffWords(paragraph, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(paragraph);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });

  it('diffs Chinese character by character', () => {
    expect(diffWords('客户很生气', '客户很高兴').filter((p) => p.kind === 'removed').map((p) => p.text).join('')).toBe('生气');
  });

  it('asks for confirmation when a one-sentence suggestion would replace a paragraph, not for a typo', () => {
    expect(needsRemovalConfirmation(paragraph, 'Ascolta fino alla fine.')).toBe(true);
    expect(needsRemovalConfirmation(paragraph, paragraph.replace('abbassa', 'abassa'))).toBe(false);
    expect(needsRemovalConfirmation(paragraph, `${paragraph} Una frase in più.`)).toBe(false);
    expect(removedShare(paragraph, '')).toBe(1);
    expect(removedShare('', 'nuovo')).toBe(0);
  });
});

describe('paragraph labels in the report form', () => {
  it('name a paragraph by its time and first words', () => {
    expect(paragraphLabel({ start: 42, text: paragraph })).toBe('0:42 — Quando un cliente alza la voce, abbassa la tua…');
    expect(paragraphLabel({ start: 125.9, text: 'Breve.' })).toBe('2:05 — Breve.');
  });
  it('cut at a word, or at a character in Chinese, and never add "…" to a short text', () => {
    expect(firstWords('uno  due\n tre', 48)).toBe('uno due tre');
    expect(firstWords('客户'.repeat(40), 10)).toBe(`${'客户'.repeat(5)}…`);
  });
});

describe('anonymous report limits', () => {
  it('give each browser 5 and an address (a classroom) 30; an account its own', () => {
    const anonymous = reportLimitsFor({ ip: '1.2.3.4', browser: 'b1' });
    expect(anonymous.map((l) => [l.key, l.max])).toEqual([
      ['report:browser:b1', reportLimitMax.anonymousPerBrowser],
      ['report:ip:1.2.3.4', reportLimitMax.anonymousPerAddress],
    ]);
    expect(reportLimitMax.anonymousPerAddress).toBeGreaterThanOrEqual(30);
    expect(reportLimitsFor({ ip: '1.2.3.4', userId: 'u', browser: '' })[0]!.key).toBe('report:account:u');
  });
});

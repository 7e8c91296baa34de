import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, separatorFor } from '@/lib/admin/csv';

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['Zoë, "Z"', '"Zoë, ""Z"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
    ['Rossi; Bianchi', '"Rossi; Bianchi"'],
  ])('%j becomes %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('numbers stay numbers (a negative is data, not a formula) and empty stays empty', () => {
    expect(csvLine([-5, 0, null, undefined, 'a'])).toBe('-5,0,,,a\r\n');
  });

  it('separates with ";" for Italian, French and Spanish Excel, "," for English and Chinese', () => {
    expect(csvLine(['a', 'b, c', 1], ';')).toBe('a;"b, c";1\r\n');
    expect((['it', 'fr', 'es', 'en', 'zh'] as const).map(separatorFor)).toEqual([';', ';', ';', ',', ',']);
  });
});

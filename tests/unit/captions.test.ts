import { describe, expect, it } from 'vitest';
import { buildVtt, formatTimestamp, splitForCaptions } from '@/lib/content/captions';

describe('captions', () => {
  it('formats WebVTT timestamps', () => {
    expect(formatTimestamp(0)).toBe('00:00:00.000');
    expect(formatTimestamp(3723.4567)).toBe('01:02:03.457');
  });
  it('splits into sentences, Chinese included', () => {
    expect(splitForCaptions('Prima frase. Seconda? Terza!')).toEqual(['Prima frase.', 'Seconda?', 'Terza!']);
    expect(splitForCaptions('第一句。第二句！')).toEqual(['第一句。', '第二句！']);
  });
  it('breaks long sentences at commas so no cue is too long', () => {
    const long = Array.from({ length: 8 }, (_, i) => `una parte numero ${i} della frase`).join(', ') + '.';
    const pieces = splitForCaptions(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(110);
    expect(pieces.join(' ')).toBe(long);
  });
  it('shares each paragraph’s span among its cues, back to back, with ids pointing to the paragraph', () => {
    const vtt = buildVtt([
      { id: 'intro', text: 'Uno due. Tre quattro cinque sei.', start: 0, end: 10 },
      { id: 'dopo', text: 'Fine.', start: 10, end: 12.5 },
    ]);
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt).toContain('intro-1\n00:00:00.000 --> 00:00:02.581\nUno due.');
    expect(vtt).toContain('intro-2\n00:00:02.581 --> 00:00:10.000\nTre quattro cinque sei.');
    expect(vtt).toContain('dopo-1\n00:00:10.000 --> 00:00:12.500\nFine.');
  });
  it('never lets text close a cue early', () => {
    expect(buildVtt([{ id: 'x', text: 'a --> b', start: 0, end: 1 }])).not.toContain('a --> b');
  });
});

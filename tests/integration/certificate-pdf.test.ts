import { describe, expect, it } from 'vitest';
import { certificatePdf } from '@/lib/certificates/pdf';
import { pdfText } from '../support/pdf-text';

const lines = (name: string) => [
  { text: 'Certificato di completamento', size: 24, bold: true, y: 440 },
  { text: name, size: 34, bold: true, y: 360 },
  { text: 'ha completato il corso', size: 14, y: 320 },
  { text: 'Risoluzione dei conflitti con il cliente', size: 22, y: 280 },
];
const meta = { title: 'Certificate', author: 'Aula', language: 'zh-Hans' };

describe('certificate PDF', () => {
  it('prints a Chinese name, accented Latin and other scripts as written, never "?"', async () => {
    const pdf = await certificatePdf(lines('王小明 · Zoë Ñúñez-Łukasiewicz · Ψ Жанна'), meta);
    const text = await pdfText(pdf);
    expect(text).toContain('王小明');
    expect(text).toContain('Zoë Ñúñez-Łukasiewicz');
    expect(text).toContain('Ψ Жанна');
    expect(text).not.toContain('?');
    expect(text).not.toContain('\uFFFD');
    // The name stands above "has completed the course".
    expect(text.indexOf('王小明')).toBeLessThan(text.indexOf('ha completato il corso'));
  });

  it('embeds only the glyphs it uses: a few kB, not the 10 MB font', async () => {
    const pdf = await certificatePdf(lines('王小明'), meta);
    expect(pdf.byteLength).toBeLessThan(60_000);
    expect(new TextDecoder('latin1').decode(pdf.slice(0, 8))).toBe('%PDF-1.7');
  });
});

import 'server-only';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cachedFontkit, fontsOf, runsOf, type Weight } from './fonts';

export type Line = { text: string; size: number; bold?: boolean; y: number; color?: [number, number, number] };

const width = 842;
const height = 595;
const accent = rgb(0.043, 0.431, 0.412);

/** One A4 landscape page: a double frame and centred lines, each drawn in the fonts that have its letters. */
export async function certificatePdf(lines: Line[], meta: { title: string; author: string; language: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachedFontkit);
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setLanguage(meta.language);
  doc.setCreator('Aula');
  doc.setProducer('Aula');
  const page = doc.addPage([width, height]);
  page.drawRectangle({ x: 30, y: 30, width: width - 60, height: height - 60, borderColor: accent, borderWidth: 6 });
  page.drawRectangle({ x: 42, y: 42, width: width - 84, height: height - 84, borderColor: accent, borderWidth: 1 });

  const embedded = new Map<string, PDFFont>();
  const pdfFont = async (weight: Weight, index: number) => {
    const key = `${weight}${index}`;
    if (!embedded.has(key)) embedded.set(key, await doc.embedFont(fontsOf(weight)[index]!.bytes, { subset: true }));
    return embedded.get(key)!;
  };
  for (const line of lines) await drawCentred(page, line, pdfFont);
  return doc.save();
}

async function drawCentred(page: PDFPage, { text, size, bold, y, color = [0.12, 0.14, 0.16] }: Line, pdfFont: (weight: Weight, index: number) => Promise<PDFFont>) {
  const weight: Weight = bold ? 'bold' : 'regular';
  const runs = await Promise.all(runsOf(text, fontsOf(weight)).map(async (run) => ({ ...run, pdf: await pdfFont(weight, run.font) })));
  const total = runs.reduce((sum, run) => sum + run.pdf.widthOfTextAtSize(run.text, size), 0);
  // Shrink a line too long for the frame (a very long name or course title) instead of cutting it.
  const scale = Math.min(1, (width - 120) / Math.max(total, 1));
  let x = (width - total * scale) / 2;
  for (const run of runs) {
    page.drawText(run.text, { x, y, size: size * scale, font: run.pdf, color: rgb(...color) });
    x += run.pdf.widthOfTextAtSize(run.text, size * scale);
  }
}

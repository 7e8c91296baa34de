// A one-page certificate PDF written by hand: PDF's built-in Helvetica needs no
// font file, at the cost of the WinAnsi character set (Western European
// letters); anything outside it is written as "?".

const winAnsiExtras: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Encodes text as a PDF literal string in WinAnsi, escaping ( ) and \. */
export function pdfString(text: string): string {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    const byte = code >= 0x20 && code <= 0x7e ? code : code >= 0xa0 && code <= 0xff ? code : (winAnsiExtras[char] ?? 0x3f);
    bytes.push(byte);
  }
  return `(${bytes.map((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b < 0x80 ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`)).join('')})`;
}

// Helvetica's average glyph width is about half the font size: enough to centre a line.
const approximateWidth = (text: string, size: number) => text.length * size * 0.5;

type Line = { text: string; size: number; bold?: boolean; y: number; color?: [number, number, number] };

export function certificatePdf(lines: Line[]): Buffer {
  const width = 842;
  const height = 595;
  const draw = lines
    .map(({ text, size, bold, y, color = [0.12, 0.14, 0.16] }) => {
      const x = Math.max(40, (width - approximateWidth(text, size)) / 2);
      return `${color.join(' ')} rg BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(1)} ${y} Td ${pdfString(text)} Tj ET`;
    })
    .join('\n');
  const frame = `0.043 0.431 0.412 RG 6 w 30 30 ${width - 60} ${height - 60} re S 1 w 42 42 ${width - 84} ${height - 84} re S`;
  const content = `${frame}\n${draw}`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

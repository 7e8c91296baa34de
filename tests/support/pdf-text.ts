import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * The text of a PDF's first page as a reader's "copy text" gets it: each shown
 * string mapped back to Unicode through its font's ToUnicode table. Enough for
 * the PDFs we write (one page, Identity-H fonts, <hex> Tj), in pure JavaScript.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPages()[0]!;
  const decode = (stream: unknown) => new TextDecoder('latin1').decode(decodePDFRawStream(stream as PDFRawStream).decode());
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref as PDFRef, PDFDict);
    const cmap = decode(doc.context.lookup(font.get(PDFName.of('ToUnicode')) as PDFRef));
    const map = new Map<string, string>();
    const utf16 = (hex: string) => String.fromCharCode(...hex.match(/.{4}/g)!.map((unit) => parseInt(unit, 16)));
    const blocks = (kind: string) => [...cmap.matchAll(new RegExp(`begin${kind}([\\s\\S]*?)end${kind}`, 'g'))].map((block) => block[1]!);
    for (const block of blocks('bfchar')) {
      for (const [, from, to] of block.matchAll(/<([0-9a-fA-F]+)>[ \t]*<([0-9a-fA-F]+)>/g)) map.set(from!.toUpperCase(), utf16(to!));
    }
    for (const block of blocks('bfrange')) {
      for (const [, low, high, start] of block.matchAll(/<([0-9a-fA-F]+)>[ \t]*<([0-9a-fA-F]+)>[ \t]*<([0-9a-fA-F]+)>/g)) {
        for (let code = parseInt(low!, 16), n = 0; code <= parseInt(high!, 16); code++, n++) {
          map.set(code.toString(16).toUpperCase().padStart(low!.length, '0'), utf16((parseInt(start!, 16) + n).toString(16).padStart(start!.length, '0')));
        }
      }
    }
    maps.set(name.asString(), map);
  }
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  let text = '';
  let map = new Map<string, string>();
  for (const content of streams.map(decode)) {
    for (const [, fontName, hex] of content.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (fontName) map = maps.get(fontName) ?? new Map();
      else text += hex!.match(/.{4}/g)?.map((glyph) => map.get(glyph.toUpperCase()) ?? '\uFFFD').join('') ?? '';
    }
    text += '\n';
  }
  return text;
}

import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

// The certificate's fonts, from npm packages (SIL Open Font License): Noto Sans
// for Latin, Greek and Cyrillic, then Noto Sans SC for Chinese (and the Latin
// it also has). Each character is drawn with the first font that has it, so a
// name in any of our locales prints as written, never as "?". The PDF embeds
// only the glyphs it uses (a few kB), not the 10 MB font files.

export type Weight = 'regular' | 'bold';

// Read from the project's node_modules at run time (the server runs from the project folder).
const files: Record<Weight, string[]> = {
  regular: ['@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  bold: ['@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf', '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
};

type LoadedFont = { bytes: Uint8Array; font: ReturnType<typeof fontkit.create> };
const loaded = new Map<string, LoadedFont>();

function load(file: string): LoadedFont {
  let entry = loaded.get(file);
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(path.join(process.cwd(), 'node_modules', file)));
    entry = { bytes, font: fontkit.create(bytes) };
    loaded.set(file, entry);
  }
  return entry;
}

/** The fonts of a weight, in fallback order. */
export function fontsOf(weight: Weight): LoadedFont[] {
  return files[weight].map(load);
}

/**
 * fontkit for pdf-lib, reusing the fonts parsed above: parsing the Chinese
 * font takes about half a second, so it happens once per process, not per PDF.
 */
export const cachedFontkit: Fontkit = {
  create(buffer, postscriptName) {
    for (const entry of loaded.values()) if (entry.bytes === buffer) return entry.font;
    return fontkit.create(buffer, postscriptName);
  },
};

export type Run = { text: string; font: number };

/** Splits text into runs, each for the first font (index into fontsOf) that has all its characters. */
export function runsOf(text: string, fonts: LoadedFont[]): Run[] {
  const runs: Run[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    const found = fonts.findIndex((entry) => entry.font.hasGlyphForCodePoint(code));
    const font = found === -1 ? fonts.length - 1 : found;
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

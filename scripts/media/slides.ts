import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './tools';

const fontDir = '/usr/share/fonts/truetype/dejavu';
const regular = path.join(fontDir, 'DejaVuSans.ttf');
const bold = path.join(fontDir, 'DejaVuSans-Bold.ttf');
const size = '1280x720';
const background = '0x14363a';

export function requireFonts(): void {
  if (!existsSync(regular) || !existsSync(bold)) {
    throw new Error(`media:build needs the DejaVu fonts (${fontDir}).\nInstall them with:\n  sudo apt-get install -y fonts-dejavu-core`);
  }
}

/** Greedy word wrap to lines of at most `width` characters. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

type Text = { text: string; font: string; size: number; color: string; x: string; y: string };

function drawtext(workDir: string, name: string, item: Text): string {
  const file = path.join(workDir, `${name}.txt`);
  writeFileSync(file, item.text);
  return `drawtext=fontfile=${item.font}:textfile=${file}:fontsize=${item.size}:fontcolor=${item.color}:line_spacing=14:x=${item.x}:y=${item.y}`;
}

function render(workDir: string, out: string, items: Text[]): void {
  const filters = items.map((item, index) => drawtext(workDir, `${path.basename(out)}-${index}`, item));
  run('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', `color=c=${background}:s=${size}`, '-vf', filters.join(','), '-frames:v', '1', out]);
}

export type SlideText = { course: string; lesson: string; keyPoint: string; counter: string };

/** A slide for one paragraph: course and lesson at the top, the key point large. */
export function renderSlide(workDir: string, out: string, slide: SlideText): void {
  render(workDir, out, [
    { text: slide.course.toUpperCase(), font: regular, size: 22, color: '0xf2c46d', x: '80', y: '70' },
    { text: slide.lesson, font: bold, size: 34, color: '0xd8ecea', x: '80', y: '108' },
    { text: wrap(slide.keyPoint, 30), font: bold, size: 62, color: 'white', x: '80', y: '(h-text_h)/2+40' },
    { text: slide.counter, font: regular, size: 22, color: '0xa9c9c6', x: '80', y: 'h-90' },
  ]);
}

/** The poster: the lesson's title card. */
export function renderPoster(workDir: string, out: string, poster: { course: string; lesson: string; subtitle: string }): void {
  render(workDir, out, [
    { text: poster.course.toUpperCase(), font: regular, size: 24, color: '0xf2c46d', x: '80', y: '200' },
    { text: wrap(poster.lesson, 26), font: bold, size: 72, color: 'white', x: '80', y: '250' },
    { text: poster.subtitle, font: regular, size: 28, color: '0xa9c9c6', x: '80', y: 'h-140' },
  ]);
}

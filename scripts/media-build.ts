/**
 * Builds each lesson's narrated video from its Italian transcript:
 * espeak-ng speaks every paragraph, ffmpeg draws a slide per paragraph and
 * muxes an H.264/AAC MP4 (fast start) plus a poster, and the paragraph
 * timings go to content/<course>/<lesson>/timings.json. From the poster
 * (1280×720 JPEG, kept for link previews) it derives the one the page shows:
 * poster.webp, a third of the bytes (it is the lesson page's largest paint).
 *
 *   npm run media:build [-- --force] [-- --only <lesson-slug>]
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transcriptHash } from '@/lib/content/catalog';
import { readCourseFile, readLessonFile } from '@/lib/content/read-lesson';
import { renderPoster, renderSlide, requireFonts } from './media/slides';
import { probeDuration, requireTools, run } from './media/tools';
import { readWav, seconds, silence, writeWav, type Pcm } from './media/wav';

const maxBytes = 4 * 1024 * 1024;
const pauseSeconds = 0.7;
const root = process.cwd();
const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

function buildLesson(courseSlug: string, courseTitle: string, lessonDir: string, lessonCount: number): void {
  const slug = path.basename(lessonDir);
  const italian = readLessonFile(readFileSync(path.join(lessonDir, 'it.mdx'), 'utf8'), path.join(lessonDir, 'it.mdx'));
  const hash = transcriptHash(italian);
  const outDir = path.join(root, 'public', 'media', courseSlug, slug);
  const timingsFile = path.join(lessonDir, 'timings.json');
  const video = path.join(outDir, 'video.mp4');
  const poster = path.join(outDir, 'poster.jpg');
  const previous = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as { transcriptHash?: string }) : {};
  if (!force && previous.transcriptHash === hash && existsSync(video) && existsSync(poster)) {
    log(`  ${slug}: unchanged, skipped${buildScreenPoster(poster) ? ' (poster.webp made)' : ''}`);
    return;
  }

  requireTools();
  requireFonts();
  const work = mkdtempSync(path.join(os.tmpdir(), `aula-media-${slug}-`));
  try {
    const total = italian.paragraphs.length;
    let format: Pcm | undefined;
    const audio: Buffer[] = [];
    const slides: string[] = [];
    const paragraphs: { id: string; start: number; end: number }[] = [];
    let at = 0;
    italian.paragraphs.forEach((paragraph, index) => {
      process.stdout.write(`\r  ${slug}: paragraph ${index + 1}/${total}   `);
      const textFile = path.join(work, `p${index}.txt`);
      const wavFile = path.join(work, `p${index}.wav`);
      writeFileSync(textFile, paragraph.text);
      run('espeak-ng', ['-v', 'it', '-s', '165', '-g', '2', '-f', textFile, '-w', wavFile]);
      const pcm = readWav(wavFile);
      format ??= pcm;
      const spoken = Buffer.concat([pcm.data, silence(pcm, pauseSeconds)]);
      audio.push(spoken);
      const length = seconds(pcm, spoken.length);
      paragraphs.push({ id: paragraph.id, start: round(at), end: round(at + length) });
      at += length;
      const slide = path.join(work, `slide${index}.png`);
      renderSlide(work, slide, { course: courseTitle, lesson: italian.title, keyPoint: paragraph.keyPoint, counter: `${index + 1} / ${total}` });
      slides.push(`file '${slide}'\nduration ${length.toFixed(3)}`);
    });
    process.stdout.write(`\r  ${slug}: encoding ${at.toFixed(1)} s of video…        \n`);
    const wav = path.join(work, 'narration.wav');
    writeWav(wav, format!, Buffer.concat(audio));
    // The concat demuxer needs the last file repeated for its duration to count.
    const lastSlide = slides.at(-1)!.split('\n')[0]!;
    writeFileSync(path.join(work, 'slides.txt'), `${slides.join('\n')}\n${lastSlide}\n`);

    mkdirSync(outDir, { recursive: true });
    run('ffmpeg', [
      '-y', '-v', 'error',
      '-f', 'concat', '-safe', '0', '-i', path.join(work, 'slides.txt'),
      '-i', wav,
      '-t', at.toFixed(3),
      '-c:v', 'libx264', '-preset', 'slow', '-tune', 'stillimage', '-crf', '30', '-r', '10', '-g', '100', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '24k', '-ac', '1', '-ar', '16000',
      '-movflags', '+faststart',
      video,
    ]);
    const posterPng = path.join(work, 'poster.png');
    renderPoster(work, posterPng, { course: courseTitle, lesson: italian.title, subtitle: `Lezione ${italian.order} di ${lessonCount}` });
    run('ffmpeg', ['-y', '-v', 'error', '-i', posterPng, '-q:v', '4', poster]);
    buildScreenPoster(poster, { force: true });

    const bytes = statSync(video).size;
    if (bytes > maxBytes) throw new Error(`${video} is ${(bytes / 1048576).toFixed(2)} MB, over the 4 MB limit`);
    const duration = round(probeDuration(video));
    paragraphs.at(-1)!.end = duration;
    writeFileSync(timingsFile, `${JSON.stringify({ transcriptHash: hash, duration, paragraphs }, null, 2)}\n`);
    log(`  ${slug}: ${duration.toFixed(1)} s, ${(bytes / 1048576).toFixed(2)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * poster.webp beside poster.jpg, when missing or older: same 1280×720 (sharp on
 * phones, whose 390 CSS pixels are 1,000 and more device pixels, and on
 * desktops), WebP at quality 80, about 11 kB against the JPEG's 35 kB.
 */
function buildScreenPoster(jpeg: string, { force: always = false } = {}): boolean {
  const webp = path.join(path.dirname(jpeg), 'poster.webp');
  if (!always && existsSync(webp) && statSync(webp).mtimeMs >= statSync(jpeg).mtimeMs) return false;
  run('ffmpeg', ['-y', '-v', 'error', '-i', jpeg, '-c:v', 'libwebp', '-quality', '80', '-compression_level', '6', webp]);
  return true;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function main(): void {
  requireTools(['ffmpeg']);
  const contentDir = path.join(root, 'content');
  for (const course of readdirSync(contentDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const courseDir = path.join(contentDir, course.name);
    const courseFile = path.join(courseDir, 'course.it.mdx');
    const courseTitle = readCourseFile(readFileSync(courseFile, 'utf8'), courseFile).title;
    const lessons = readdirSync(courseDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    log(`${course.name}: ${lessons.length} lessons`);
    for (const lesson of lessons) {
      if (only && lesson.name !== only) continue;
      buildLesson(course.name, courseTitle, path.join(courseDir, lesson.name), lessons.length);
    }
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`\nmedia:build: ${(error as Error).message}\n`);
  process.exit(1);
}

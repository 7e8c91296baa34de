/**
 * The Lighthouse half of npm run bench:lighthouse, in plain Node on purpose:
 * Lighthouse sends functions to the page as source text, and tsx's transform
 * adds a helper (`__name`) to them that the page does not have.
 *   node scripts/bench/lighthouse-runs.mjs URL OUT.json [REFERENCE_URL]   (cookie in BENCH_LIGHTHOUSE_COOKIE)
 * Writes one entry per run: for mobile, then desktop, Aula's page signed out
 * and signed in, then the bare reference's page of the same size (when given),
 * so that each pair is measured in the same minute of the same machine.
 */
import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';

const [url, out, referenceUrl] = process.argv.slice(2);
const cookie = process.env.BENCH_LIGHTHOUSE_COOKIE;
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

async function audit(port, formFactor, signedIn, page = 'aula') {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: categories, ...(signedIn && { extraHeaders: { Cookie: cookie } }) };
  const result = await lighthouse(page === 'aula' ? url : referenceUrl, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const unused = lhr.audits['unused-javascript']?.details;
  return {
    page,
    formFactor,
    signedIn,
    scores: Object.fromEntries(categories.map((c) => [c, typeof lhr.categories[c]?.score === 'number' ? Math.round(lhr.categories[c].score * 100) : null])),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
    // What the performance score is made of, and which element the LCP was, to say where a score below 100 comes from.
    metrics: Object.fromEntries(
      ['first-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift'].map((id) => [id, lhr.audits[id]?.numericValue ?? null]),
    ),
    // Where the main thread's time went (ms by kind: script evaluation, style and layout, rendering…), to compare a page's work with the bare one's.
    mainThread: Object.fromEntries((lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).map((item) => [item.group, Math.round(item.duration)])),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    // Where the LCP's time goes (TTFB, load delay, load time, render delay, in ms): a poster's bytes are "Load Time", the main thread "Render Delay".
    lcpPhases: Object.fromEntries(
      (lhr.audits['largest-contentful-paint-element']?.details?.items?.[1]?.items ?? []).map((item) => [item.phase, Math.round(item.timing)]),
    ),
    unusedJsBytes: unused?.overallSavingsBytes ?? null,
    unusedJsFiles: unused?.items?.length ?? 0,
    // Outside performance, the audits that did not pass, to say why a score is below 100.
    failing: Object.fromEntries(
      categories.filter((c) => c !== 'performance').map((c) => [c, lhr.categories[c].auditRefs.map((ref) => lhr.audits[ref.id]).filter((a) => typeof a?.score === 'number' && a.score < 1).map((a) => a.id)]),
    ),
    warnings: lhr.runWarnings,
  };
}

if (!url || !out || !cookie) {
  console.error('usage: BENCH_LIGHTHOUSE_COOKIE=… node scripts/bench/lighthouse-runs.mjs URL OUT.json [REFERENCE_URL]');
  process.exit(2);
}
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const runs = [];
  for (const formFactor of ['mobile', 'desktop']) {
    for (const signedIn of [false, true]) {
      console.log(`Lighthouse: ${formFactor}, ${signedIn ? 'signed in' : 'signed out'}…`);
      runs.push(await audit(chrome.port, formFactor, signedIn));
    }
    if (referenceUrl) {
      console.log(`Lighthouse: ${formFactor}, the bare reference's page…`);
      runs.push(await audit(chrome.port, formFactor, false, 'reference'));
    }
  }
  writeFileSync(out, JSON.stringify(runs));
} finally {
  chrome.kill();
}

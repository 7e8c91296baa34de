// Temporary screenshot script (not committed).
import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3461';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const shots = [
  ['it-lesson5', '/it/courses/risoluzione-dei-conflitti/clienti-problematici-online#caso-consegna-mancata'],
  ['zh-livelli', '/zh/courses/risoluzione-dei-conflitti/livelli-di-contatto#tre-livelli'],
  ['en-summary', '/en/courses/risoluzione-dei-conflitti/livelli-di-contatto#summary-title'],
  ['fr-help', '/fr/help'],
];
for (const [name, path] of shots) {
  for (const [vw, vh, tag] of [[1280, 800, 'desk'], [390, 844, 'phone']]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width: vw, height: vh }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: 'load' });
      await page.waitForTimeout(800);
      if (path.includes('#')) {
        const id = path.split('#')[1];
        await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), id);
        await page.waitForTimeout(400);
      }
      await page.screenshot({ path: `/tmp/shots16/${name}-${tag}-${scheme}.png` });
      await context.close();
    }
  }
}
await browser.close();

/**
 * The browser playground in a real browser: builds the page with Vite, serves the static files on
 * loopback, drives Debian's chromium through playwright-core, types a Dockerfile, and compares what
 * the page shows with what the engine says in Node.js. Saves a screenshot to
 * test-output/playground.png. Skipped (and says so) where /usr/bin/chromium is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { lint } from '../../src/engine/lint.js';
import { fixText } from '../../src/fix/fixer.js';
import { memoryContext } from '../../src/context/memory.js';
import { ruleDocsUrl } from '../../src/engine/types.js';
import { defaultRules } from '../../src/rules/registry.js';
import { defaultConfig } from '../../src/engine/types.js';

// The callbacks of page.evaluate/$eval run in the page; these are the only DOM names they use (the
// project's type check has no DOM library).
type El = any;
declare const document: { body: { dataset: Record<string, string | undefined> } };

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/playground: SKIPPED — ${CHROMIUM} is not installed (apt-get install chromium)`);

const root = join(__dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'shipshape-playground-'));
const profile = mkdtempSync(join(tmpdir(), 'shipshape-chromium-'));
const shots = join(root, 'test-output');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

let server: Server;
let base = '';
let browser: BrowserContext;
let page: Page;

const DOCKERFILE = 'FROM python:3.12\nCOPY requirements.txt .\nRUN apt-get update && apt-get install -y gcc\nRUN pip install -r requirements.txt\n';

beforeAll(async () => {
  if (!hasChromium) return;
  // As `npm run playground:build` does, in its own process (not inside vitest's Vite, whose test
  // settings would leak into the page's build).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'playground/vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, env, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}/`;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

/** Rule ids of the findings the page shows, in order. */
const shown = (p: Page): Promise<string[]> => p.$$eval('#findings .finding', (els) => els.map((e) => (e as El).dataset.rule!));

/** Waits until the page has linted its current input (a new run after `before`). */
async function settled(p: Page, before: number): Promise<void> {
  await p.waitForFunction((n) => Number(document.body.dataset.linted ?? 0) > n, before);
  await p.waitForTimeout(300); // debounce: a run started by the last keystroke would show up by now
  // No rule threw in the browser (the page reports internal errors in its status line).
  expect(await p.textContent('#status')).toBe('');
}
const runs = (p: Page): Promise<number> => p.evaluate(() => Number(document.body.dataset.linted ?? 0));

describe.skipIf(!hasChromium)('playground in chromium', () => {
  it('loads the engine and the tree-sitter wasm in the page', async () => {
    await page.goto(base);
    await page.waitForFunction(() => Number(document.body.dataset.linted ?? 0) > 0, undefined, { timeout: 60_000 });
    expect(await page.textContent('#status')).toBe('');
    // The default example has RUN lines, so the shell parser (wasm) ran: DL3008 needs the apt-get argv.
    expect(await shown(page)).toContain('DL3008');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  it('shows the findings of a typed Dockerfile, linked to their rule pages', async () => {
    const n = await runs(page);
    await page.fill('#dockerfile', '');
    await page.focus('#dockerfile');
    await page.keyboard.type(DOCKERFILE);
    await settled(page, n);
    expect(await page.inputValue('#dockerfile')).toBe(DOCKERFILE);
    const expected = (await lint(DOCKERFILE, { rules: await defaultRules() })).findings.map((f) => f.ruleId);
    expect(expected).toContain('DL3008');
    expect(await shown(page)).toEqual(expected);
    expect(await page.getAttribute('.finding[data-rule="DL3008"] a', 'href')).toBe(ruleDocsUrl('DL3008'));
    // The finding sits under the line it is about (line 3).
    const line = await page.$eval('.finding[data-rule="DL3008"]', (el) => {
      let prev = el.previousElementSibling as El;
      while (prev && !prev.classList.contains('ln')) prev = prev.previousElementSibling as El;
      return prev?.dataset.line;
    });
    expect(line).toBe('3');
  });

  it('shows the fixed text and the diff, safe or with unsafe fixes', async () => {
    const safe = (await fixText(DOCKERFILE, { rules: await defaultRules(), level: 'safe' })).output;
    expect(safe).not.toBe(DOCKERFILE);
    expect(await page.textContent('#fixed')).toBe(safe);
    await page.click('#tab-diff');
    const diff = await page.textContent('#diff');
    expect(diff).toContain('-RUN apt-get update && apt-get install -y gcc');
    // The pane's text is the patch itself, line by line (a fresh-user trial selected it by hand and got
    // the lines run together), the same as the Copy button's.
    expect(diff).toBe(await page.getAttribute('#diff', 'data-patch'));
    expect(diff!.startsWith('--- a/Dockerfile\n+++ b/Dockerfile\n@@ ')).toBe(true);
    const n = await runs(page);
    await page.check('#unsafe');
    await settled(page, n);
    const unsafe = (await fixText(DOCKERFILE, { rules: await defaultRules(), level: 'unsafe' })).output;
    expect(unsafe).not.toBe(safe);
    await page.click('#tab-fixed');
    expect(await page.textContent('#fixed')).toBe(unsafe);
  });

  it('copies the fixed text', async () => {
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
    await page.click('#copy');
    await page.waitForFunction(() => document.body.dataset.linted !== undefined);
    const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(copied).toBe(await page.textContent('#fixed'));
    expect(copied).toBe((await fixText(DOCKERFILE, { rules: await defaultRules(), level: 'unsafe' })).output);
  });

  it('turns rules off and on', async () => {
    await page.click('#rules summary');
    const n = await runs(page);
    await page.uncheck('#rule-list input[data-rule="DL3008"]');
    await settled(page, n);
    expect(await shown(page)).not.toContain('DL3008');
    expect(await shown(page)).toContain('DL3009');
  });

  it('lints against a .dockerignore and context files', async () => {
    await page.click('#context summary');
    const n = await runs(page);
    await page.fill('#dockerignore', 'requirements.txt\n');
    await page.fill('#context-files', 'requirements.txt\nmanage.py\n');
    await settled(page, n);
    const context = memoryContext({ 'requirements.txt': '', 'manage.py': '', '.dockerignore': 'requirements.txt\n' });
    const config = { ...defaultConfig(), ignored: ['DL3008'] };
    const expected = (await lint(DOCKERFILE, { rules: await defaultRules(), context, config })).findings.map((f) => f.ruleId);
    expect(expected).toContain('CopyIgnoredFile');
    expect(await shown(page)).toEqual(expected);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'playground.png'), fullPage: true });
  });

  it('restores everything from a shared link', async () => {
    const url = page.url();
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const other = await browser.newPage();
    await other.goto(url);
    await other.waitForFunction(() => Number(document.body.dataset.linted ?? 0) > 0, undefined, { timeout: 60_000 });
    expect(await other.inputValue('#dockerfile')).toBe(DOCKERFILE);
    expect(await other.inputValue('#dockerignore')).toBe('requirements.txt\n');
    expect(await other.isChecked('#rule-list input[data-rule="DL3008"]')).toBe(false);
    expect(await other.isChecked('#unsafe')).toBe(true);
    expect(await shown(other)).toEqual(await shown(page));
    await other.close();
  });
});

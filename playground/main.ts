/**
 * The playground page: the shipshape engine (lint, the fixer, the rule registry) running in the
 * browser. Typing re-lints after a short pause; a result for text that has changed meanwhile is
 * dropped. The state (Dockerfile, .dockerignore, context files, rule toggles) lives in the URL
 * fragment (playground/state.ts), so a link restores the page.
 */
import { filePatch } from '../src/report/patch.js';
import treeSitterWasm from '../node_modules/web-tree-sitter/tree-sitter.wasm?url';
import bashWasm from '../node_modules/tree-sitter-bash/tree-sitter-bash.wasm?url';
import { setGrammarSource } from '../src/shell/grammar.js';
import { lint } from '../src/engine/lint.js';
import { defaultRules } from '../src/rules/registry.js';
import { fixText } from '../src/fix/fixer.js';
import { memoryContext } from '../src/context/memory.js';
import { defaultConfig, type BuildContext, type Finding, type LintConfig, type Rule } from '../src/engine/types.js';
import { decodeState, defaultState, encodeState, type State } from './state.js';

setGrammarSource(async () => ({ treeSitterWasm, bashWasm }));

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const ui = {
  dockerfile: $<HTMLTextAreaElement>('dockerfile'),
  dockerignore: $<HTMLTextAreaElement>('dockerignore'),
  files: $<HTMLTextAreaElement>('context-files'),
  context: $<HTMLDetailsElement>('context'),
  findings: $<HTMLDivElement>('findings'),
  summary: $<HTMLSpanElement>('summary'),
  fixed: $<HTMLPreElement>('fixed'),
  diff: $<HTMLPreElement>('diff'),
  unsafe: $<HTMLInputElement>('unsafe'),
  status: $<HTMLSpanElement>('status'),
  ruleList: $<HTMLDivElement>('rule-list'),
  ruleFilter: $<HTMLInputElement>('rule-filter'),
  ruleCount: $<HTMLSpanElement>('rule-count'),
  tabFixed: $<HTMLButtonElement>('tab-fixed'),
  tabDiff: $<HTMLButtonElement>('tab-diff'),
  copy: $<HTMLButtonElement>('copy'),
  share: $<HTMLButtonElement>('share'),
};

let rules: readonly Rule[] = [];
let state: State = decodeState(location.hash) ?? defaultState();
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readState(): State {
  const disabled: string[] = [];
  const enabled: string[] = [];
  for (const box of ui.ruleList.querySelectorAll<HTMLInputElement>('input[data-rule]')) {
    const off = box.dataset.default === 'off';
    if (off && box.checked) enabled.push(box.dataset.rule!);
    if (!off && !box.checked) disabled.push(box.dataset.rule!);
  }
  return { dockerfile: ui.dockerfile.value, dockerignore: ui.dockerignore.value, files: ui.files.value, disabled, enabled, unsafe: ui.unsafe.checked };
}

function configOf(s: State): LintConfig {
  const config = defaultConfig();
  config.ignored = [...s.disabled];
  for (const id of s.enabled) config.override[id] = 'info';
  return config;
}

function contextOf(s: State): BuildContext | null {
  if (!s.dockerignore && !s.files.trim()) return null;
  const files: Record<string, string> = {};
  for (const line of s.files.split(/\r?\n/)) if (line.trim()) files[line.trim()] = '';
  if (s.dockerignore) files['.dockerignore'] = s.dockerignore;
  return memoryContext(files);
}

/** Lints and fixes the current state, then renders; results of superseded runs are dropped. */
async function run(): Promise<void> {
  const mine = ++seq;
  state = readState();
  history.replaceState(null, '', `#${encodeState(state)}`);
  const config = configOf(state);
  const context = contextOf(state);
  const text = state.dockerfile;
  const result = await lint(text, { rules: await defaultRules(), config, context });
  const fixed = await fixText(text, { rules: await defaultRules(), level: state.unsafe ? 'unsafe' : 'safe', config, context });
  if (mine !== seq) return;
  renderFindings(text, result.findings);
  ui.fixed.textContent = fixed.output;
  renderDiff(text, fixed.output);
  ui.findings.dataset.seq = String(mine);
  document.body.dataset.linted = String(mine);
  ui.status.textContent = result.internalErrors.length > 0 ? `Internal error in ${result.internalErrors.map((e) => e.ruleId).join(', ')} (please report it)` : '';
}

function schedule(delay = 150): void {
  clearTimeout(timer);
  timer = setTimeout(() => void run().catch(showError), delay);
}

function showError(e: unknown): void {
  ui.status.textContent = `Error: ${e instanceof Error ? e.message : String(e)}`;
}

/** The Dockerfile with each line's findings under it, their ranges underlined. */
function renderFindings(text: string, findings: Finding[]): void {
  const counts = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of findings) counts[f.severity]++;
  const fixable = findings.filter((f) => f.fix).length;
  ui.summary.textContent =
    findings.length === 0 ? '— none' : `— ${findings.length} (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info, ${counts.style} style; ${fixable} fixable)`;
  if (findings.length === 0) {
    ui.findings.innerHTML = '<div class="clean">No problems found.</div>';
    return;
  }
  const lines = text.split('\n');
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) {
    const l = Math.min(f.range.start.line, lines.length);
    byLine.set(l, [...(byLine.get(l) ?? []), f]);
  }
  const rank = { error: 4, warning: 3, info: 2, style: 1 } as const;
  let html = '';
  lines.forEach((raw, i) => {
    const n = i + 1;
    const lineText = raw.replace(/\r$/, '');
    if (i === lines.length - 1 && lineText === '' && !byLine.has(n)) return;
    // Underlines: every finding range that covers part of this line (multi-line ranges too).
    const marks: { from: number; to: number; sev: Finding['severity'] }[] = [];
    for (const f of findings) {
      if (f.range.start.line > n || f.range.end.line < n) continue;
      const from = f.range.start.line === n ? f.range.start.column - 1 : 0;
      const to = f.range.end.line === n ? f.range.end.column - 1 : lineText.length;
      if (to > from) marks.push({ from, to, sev: f.severity });
    }
    // Runs of characters with the same (most severe) covering finding become one <mark>.
    let src = '';
    let runSev: string | null = null;
    let runText = '';
    const flush = (): void => {
      src += runSev ? `<mark class="${runSev}">${escapeHtml(runText)}</mark>` : escapeHtml(runText);
      runText = '';
    };
    for (let c = 0; c < lineText.length; c++) {
      const covering = marks.filter((m) => m.from <= c && c < m.to).sort((a, b) => rank[b.sev] - rank[a.sev])[0];
      const sev = covering?.sev ?? null;
      if (sev !== runSev) {
        flush();
        runSev = sev;
      }
      runText += lineText[c];
    }
    flush();
    const own = byLine.get(n) ?? [];
    const worst = own.reduce<Finding['severity'] | null>((w, f) => (!w || rank[f.severity] > rank[w] ? f.severity : w), null);
    html += `<div class="ln${worst ? ` has-${worst}` : ''}" data-line="${n}"><span class="no">${n}</span><span class="src">${src || ' '}</span></div>`;
    for (const f of own) {
      const link = f.url ? `<a href="${escapeHtml(f.url)}" target="_blank" rel="noopener">${escapeHtml(f.ruleId)}</a>` : escapeHtml(f.ruleId);
      const fix = f.fix ? `<span class="fix" title="${escapeHtml(f.fix.description)}">${f.fix.applicability === 'safe' ? 'fixable' : 'unsafe fix'}</span>` : '';
      html += `<div class="finding ${f.severity}" data-rule="${escapeHtml(f.ruleId)}" data-start="${f.range.start.offset}" data-end="${f.range.end.offset}"><span class="sev">${f.severity}</span>${link} ${withCode(f.message)}${fix}</div>`;
    }
  });
  ui.findings.innerHTML = html;
}

/** A message with its `backtick` spans as <code>. */
function withCode(message: string): string {
  return escapeHtml(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function renderDiff(before: string, after: string): void {
  if (before === after) {
    ui.diff.textContent = 'No fixes to apply.';
    return;
  }
  // The patch `lint --diff` prints (git's layout). Each line keeps its newline, inside the coloured span,
  // so the pane's text is the patch itself: selecting and copying it by hand gives a patch that applies.
  const patch = filePatch('Dockerfile', before, after);
  ui.diff.innerHTML = patch
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => {
      const cls = l.startsWith('+++') || l.startsWith('---') ? '' : l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : l.startsWith('@@') ? 'hunk' : '';
      return cls ? `<span class="${cls}">${escapeHtml(l)}\n</span>` : `${escapeHtml(l)}\n`;
    })
    .join('');
  ui.diff.dataset.patch = patch;
}

function renderRules(): void {
  const disabled = new Set(state.disabled);
  const enabled = new Set(state.enabled);
  ui.ruleList.innerHTML = rules
    .map((r) => {
      const off = r.severity === 'off';
      const checked = off ? enabled.has(r.id) : !disabled.has(r.id);
      return `<label data-search="${escapeHtml(`${r.id} ${r.summary} ${r.category}`.toLowerCase())}"><input type="checkbox" data-rule="${escapeHtml(r.id)}" data-default="${off ? 'off' : 'on'}"${checked ? ' checked' : ''} /><code>${escapeHtml(r.id)}</code> <span>${withCode(r.summary)}${off ? ' <em>(off by default)</em>' : ''}</span></label>`;
    })
    .join('');
  ui.ruleCount.textContent = `${rules.length}`;
}

function showTab(which: 'fixed' | 'diff'): void {
  ui.fixed.hidden = which !== 'fixed';
  ui.diff.hidden = which !== 'diff';
  ui.tabFixed.setAttribute('aria-selected', String(which === 'fixed'));
  ui.tabDiff.setAttribute('aria-selected', String(which === 'diff'));
}

async function copyText(text: string, button: HTMLButtonElement, done: string): Promise<void> {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = done;
  } catch {
    button.textContent = 'Copy failed: select the text instead';
  }
  setTimeout(() => (button.textContent = label), 1500);
}

async function start(): Promise<void> {
  ui.dockerfile.value = state.dockerfile;
  ui.dockerignore.value = state.dockerignore;
  ui.files.value = state.files;
  ui.unsafe.checked = state.unsafe;
  if (state.dockerignore || state.files) ui.context.open = true;
  rules = await defaultRules();
  renderRules();
  for (const el of [ui.dockerfile, ui.dockerignore, ui.files]) el.addEventListener('input', () => schedule());
  ui.ruleList.addEventListener('change', () => schedule(0));
  ui.unsafe.addEventListener('change', () => schedule(0));
  ui.ruleFilter.addEventListener('input', () => {
    const q = ui.ruleFilter.value.trim().toLowerCase();
    for (const label of ui.ruleList.querySelectorAll<HTMLLabelElement>('label')) label.hidden = q !== '' && !label.dataset.search!.includes(q);
  });
  ui.tabFixed.addEventListener('click', () => showTab('fixed'));
  ui.tabDiff.addEventListener('click', () => showTab('diff'));
  ui.copy.addEventListener('click', () => void copyText(ui.fixed.hidden ? (ui.diff.dataset.patch ?? ui.diff.textContent ?? '') : (ui.fixed.textContent ?? ''), ui.copy, 'Copied'));
  ui.share.addEventListener('click', () => void copyText(location.href, ui.share, 'Link copied'));
  // Clicking a finding selects its range in the editor.
  ui.findings.addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.finding');
    if (!el || (e.target as HTMLElement).closest('a')) return;
    ui.dockerfile.focus();
    ui.dockerfile.setSelectionRange(Number(el.dataset.start), Number(el.dataset.end));
  });
  window.addEventListener('hashchange', () => {
    const s = decodeState(location.hash);
    if (!s || encodeState(s) === encodeState(readState())) return;
    state = s;
    ui.dockerfile.value = s.dockerfile;
    ui.dockerignore.value = s.dockerignore;
    ui.files.value = s.files;
    ui.unsafe.checked = s.unsafe;
    renderRules();
    schedule(0);
  });
  await run();
}

start().catch(showError);

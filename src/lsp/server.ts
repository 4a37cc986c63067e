/**
 * `shipshape lsp --stdio`: the language server (LSP 3.17 over JSON-RPC on standard input/output, built
 * on `vscode-languageserver`).
 *
 * - Diagnostics as you type: each change is linted after a short pause (`debounceMs`, default 200 ms);
 *   a result computed for a version that is no longer current is dropped, never published.
 * - ShellCheck findings (SC codes), when the program is installed, come from a cache
 *   (src/lsp/shellcheck-cache.ts): new or edited RUN scripts are checked in the background and the
 *   diagnostics are published again when their results arrive.
 * - Code actions: each fix as a quick fix (safe ones preferred, unsafe ones labelled), "fix all safe
 *   problems" (also as the `source.fixAll.shipshape` kind for fix-on-save), "ignore this rule for this
 *   instruction" (an inline pragma), "ignore in .hadolint.yaml" (command `shipshape.ignoreInConfig`).
 * - Hover on a finding: its rule's summary and why.
 * - Configuration: the nearest `.hadolint.yaml`/`.hadolint.yml` from the Dockerfile's folder up to the
 *   workspace folder, else hadolint's user-level files.
 * - Build context: when a Compose file in the Dockerfile's folder or an ancestor up to the workspace
 *   folder has a service whose build uses this Dockerfile (src/cli/compose.ts findComposeBuild, the
 *   module `shipshape lint compose.yaml` uses), that service's context folder, with its `build.args` as
 *   build arguments; else the Dockerfile's folder. Fixes that write context files (`.dockerignore`)
 *   write them in that folder.
 * - The configuration, `.dockerignore`, Compose files and `.env` are read again when the client reports a
 *   change (`workspace/didChangeWatchedFiles`; the server registers those patterns when the client allows
 *   dynamic registration), and at the latest after SETUP_TTL_MS.
 *
 * Commands (`workspace/executeCommand`): `shipshape.fixAll` (args: [uri]) applies the safe fixes through
 * `workspace/applyEdit`; `shipshape.ignoreInConfig` (args: [uri, ruleId]) adds the rule to the config
 * file's `ignored:` list, writing the file atomically (created next to the workspace root if none exists).
 *
 * Initialization options: `{ debounceMs?: number, shellcheck?: boolean }`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError } from '../engine/config.js';
import { lint, type LintResult, type ScriptJob } from '../engine/lint.js';
import { defaultRules } from '../rules/registry.js';
import { defaultConfig, type BuildContext, type Finding, type LintConfig, type RuleMeta, type TextEdit } from '../engine/types.js';
import { fixText } from '../fix/fixer.js';
import { fsContext } from '../context/fs.js';
import { findComposeBuild } from '../cli/compose.js';
import { resolveConfig } from '../cli/config.js';
import { useNodeGrammar } from '../cli/grammar-node.js';
import { shellcheckAnalyzer, shellcheckAvailable } from '../cli/shellcheck.js';
import { writeAtomic } from '../cli/write.js';
import { VERSION } from '../cli/version.js';
import { addIgnoredRule, findingContains, findingIntersects, hoverFor, ignorePragmaEdit, isDockerfile, minimalEdit, toDiagnostic, toLspRange } from './convert.js';
import { ShellcheckCache } from './shellcheck-cache.js';

/** Code action kind of "fix all safe problems" (a sub-kind of `source.fixAll`, so editors run it on save). */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;
/** Command ids the server executes. */
const COMMANDS = { fixAll: 'shipshape.fixAll', ignoreInConfig: 'shipshape.ignoreInConfig' } as const;

const CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/** The last lint of one document version. */
interface Linted {
  version: number;
  text: string;
  result: LintResult;
}

/** What a document's lint needs besides its text. */
interface Setup {
  config: LintConfig;
  context: BuildContext | null;
  /** The build context folder: the Compose service's context when a Compose file builds the document, else the document's folder (null for a non-file document). */
  contextDir: string | null;
  /** The Compose service's `build.args` (interpolated as Compose does), passed to the lint as build arguments; undefined without Compose. */
  buildArgs: Record<string, string> | undefined;
  /** The config file in force, or null. */
  configFile: string | null;
  /** Folder where "ignore in .hadolint.yaml" creates a config file when there is none. */
  configHome: string | null;
  /** When it was read (ms since the epoch). */
  at: number;
}

/**
 * How long a document's configuration, Compose match and build-context listing are reused (ms). Changes
 * to the config, `.dockerignore`, Compose files and `.env` are seen at once through
 * `workspace/didChangeWatchedFiles`; other files of the context (a COPY source created later) are seen
 * after this long.
 */
const SETUP_TTL_MS = 10_000;

/**
 * Starts the server on standard input/output and returns once it is listening. The process exits
 * when the client sends `exit` (vscode-languageserver's behaviour: code 0 after `shutdown`, else 1).
 */
export function startStdioServer(): void {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  serve(connection);
  connection.listen();
}

/** Wires all handlers onto `connection` (exported for embedding in other transports). */
export function serve(connection: Connection): void {
  useNodeGrammar();
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  const setups = new Map<string, Setup>();
  const warnedConfig = new Set<string>();
  let roots: string[] = [];
  let debounceMs = 200;
  let useShellcheck = true;
  let scCache: ShellcheckCache | null = null;
  let documentChanges = false;
  let canCreate = false;
  let rulesById: Map<string, RuleMeta> = new Map();

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; shellcheck?: unknown };
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    if (options.shellcheck === false) useShellcheck = false;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
    if (roots.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) roots.push(p);
    }
    const ws = params.capabilities.workspace?.workspaceEdit;
    documentChanges = ws?.documentChanges === true;
    canCreate = documentChanges && (ws?.resourceOperations ?? []).includes('create');
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    rulesById = new Map((await defaultRules()).map((r) => [r.id, r] as const));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [COMMANDS.fixAll, COMMANDS.ignoreInConfig] },
      },
      serverInfo: { name: 'shipshape', version: VERSION },
    };
  });

  let watchDynamically = false;
  connection.onInitialized(() => {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/.hadolint.{yaml,yml}' },
          { globPattern: '**/{.dockerignore,*.dockerignore}' },
          // Compose files (src/cli/compose.ts COMPOSE_NAME) and the .env their values are interpolated from.
          { globPattern: '**/{compose,docker-compose}*.{yaml,yml}' },
          { globPattern: '**/.env' },
        ],
      });
    }
    if (useShellcheck && shellcheckAvailable()) scCache = new ShellcheckCache(shellcheckAnalyzer());
  });

  // --- configuration and build context -------------------------------------------------------------

  function setupFor(uri: string): Setup {
    const cached = setups.get(uri);
    if (cached && Date.now() - cached.at < SETUP_TTL_MS) return cached;
    const path = uriToPath(uri);
    const dir = path ? dirname(path) : null;
    const root = dir ? roots.filter((r) => dir === r || dir.startsWith(r.endsWith('/') ? r : r + '/')).sort((a, b) => b.length - a.length)[0] : roots[0];
    const configDir = (dir && findConfigDir(dir, root)) ?? root ?? dir;
    let config = defaultConfig();
    let configFile: string | null = null;
    try {
      const resolved = resolveConfig(configDir ?? process.cwd(), process.env, {});
      config = resolved.config;
      configFile = resolved.file;
    } catch (e) {
      const message = e instanceof ConfigError ? e.message : String(e);
      if (!warnedConfig.has(message)) {
        warnedConfig.add(message);
        void connection.window.showWarningMessage(`shipshape: ${message} (using the default configuration)`);
      }
    }
    // The build context: what a Compose service that builds this Dockerfile says (src/cli/compose.ts, as
    // `shipshape lint compose.yaml`), else the Dockerfile's folder.
    const compose = path ? findComposeBuild(path, root ?? null, process.env) : null;
    for (const w of compose?.warnings ?? []) {
      if (warnedConfig.has(w)) continue;
      warnedConfig.add(w);
      void connection.window.showWarningMessage(`shipshape: ${w} (using the Dockerfile's folder as build context)`);
    }
    const contextDir = compose?.build?.context ?? dir;
    const setup: Setup = {
      config,
      configFile,
      context: path && contextDir ? fsContext(contextDir, path) : null,
      contextDir,
      buildArgs: compose?.build?.args,
      configHome: root ?? dir,
      at: Date.now(),
    };
    setups.set(uri, setup);
    return setup;
  }

  connection.onDidChangeWatchedFiles(() => {
    setups.clear();
    linted.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  // --- linting -------------------------------------------------------------------------------------

  async function lintNow(doc: TextDocument): Promise<Linted> {
    const prev = linted.get(doc.uri);
    if (prev && prev.version === doc.version) return prev;
    // The document object is updated in place by later changes: take its version and text now.
    const version = doc.version;
    const text = doc.getText();
    const { config, context, buildArgs } = setupFor(doc.uri);
    const misses: ScriptJob[] = [];
    const result = await lint(text, { rules: await defaultRules(), config, context, buildArgs, scriptAnalyzer: scCache?.cachedAnalyzer(misses) });
    const entry: Linted = { version, text, result };
    if (misses.length > 0) queueShellcheck(doc.uri, version, misses);
    return entry;
  }

  /**
   * ShellCheck off the typing path, one process at a time: the scripts a lint found uncached wait here
   * (the latest lint per document replaces an older one), and a document that changed before its turn
   * is skipped — its newer lint has queued its own scripts.
   */
  const scPending = new Map<string, { version: number; misses: ScriptJob[] }>();
  let scRunning = false;

  function queueShellcheck(uri: string, version: number, misses: ScriptJob[]): void {
    if (!scCache) return;
    scPending.set(uri, { version, misses });
    if (!scRunning) void drainShellcheck();
  }

  async function drainShellcheck(): Promise<void> {
    scRunning = true;
    try {
      for (let next = scPending.entries().next(); !next.done; next = scPending.entries().next()) {
        const [uri, job] = next.value;
        scPending.delete(uri);
        const doc = documents.get(uri);
        if (!doc || doc.version !== job.version || !scCache) continue;
        try {
          const added = await scCache.fill(job.misses);
          const current = documents.get(uri);
          if (added && current && current.version === job.version) {
            linted.delete(uri);
            schedule(current, 0);
          }
        } catch (e) {
          connection.console.error(`shipshape: shellcheck failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    } finally {
      scRunning = false;
    }
  }

  async function publish(doc: TextDocument): Promise<void> {
    const version = doc.version;
    let entry: Linted;
    try {
      entry = await lintNow(doc);
    } catch (e) {
      connection.console.error(`shipshape: internal error linting ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
      return;
    }
    // Stale: the document changed (or closed) while it was being linted.
    const current = documents.get(doc.uri);
    if (!current || current.version !== version) return;
    linted.set(doc.uri, entry);
    for (const err of entry.result.internalErrors) connection.console.error(`shipshape: rule ${err.ruleId} failed: ${err.message}`);
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: entry.result.findings.map(toDiagnostic) });
  }

  function schedule(doc: TextDocument, delay = debounceMs): void {
    if (!isDockerfile(doc.uri, doc.languageId)) return;
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void publish(current);
      }, delay),
    );
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    linted.delete(e.document.uri);
    setups.delete(e.document.uri);
    if (isDockerfile(e.document.uri, e.document.languageId)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** The lint of the document's current version (linting now if the debounced run has not happened). */
  async function current(uri: string): Promise<{ doc: TextDocument; entry: Linted } | null> {
    const doc = documents.get(uri);
    if (!doc || !isDockerfile(doc.uri, doc.languageId)) return null;
    const entry = await lintNow(doc);
    return doc.version === entry.version ? { doc, entry } : null;
  }

  // --- edits ---------------------------------------------------------------------------------------

  const lspEdits = (doc: TextDocument, edits: TextEdit[]): LspTextEdit[] =>
    edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text }));

  /**
   * A workspace edit of the document plus, optionally, new contents of other context files (paths
   * relative to the document's build context folder, `contextDir`).
   */
  function workspaceEdit(doc: TextDocument, edits: TextEdit[], files: { path: string; before: string | null; edits: TextEdit[] }[] = [], contextDir: string | null = null): WorkspaceEdit {
    const crlf = /\r\n/.test(doc.getText());
    const own = lspEdits(doc, crlf ? edits.map((e) => ({ ...e, text: e.text.replace(/\r?\n/g, '\r\n') })) : edits);
    const others = contextDir
      ? files.map((f) => {
          const uri = pathToFileURL(join(contextDir, f.path)).toString();
          const open = documents.get(uri);
          const base = open ?? TextDocument.create(uri, 'plaintext', 0, f.before ?? '');
          return { uri, create: f.before === null && !open, version: open?.version ?? null, edits: lspEdits(base, f.edits) };
        })
      : [];
    if (documentChanges) {
      const changes: WorkspaceEdit['documentChanges'] = [{ textDocument: { uri: doc.uri, version: doc.version }, edits: own } satisfies TextDocumentEdit];
      for (const o of others) {
        if (o.create && !canCreate) continue;
        if (o.create) changes.push({ kind: 'create', uri: o.uri, options: { ignoreIfExists: true } });
        changes.push({ textDocument: { uri: o.uri, version: o.version }, edits: o.edits });
      }
      return { documentChanges: changes };
    }
    const changes: Record<string, LspTextEdit[]> = { [doc.uri]: own };
    for (const o of others) if (!o.create) changes[o.uri] = o.edits;
    return { changes };
  }

  /** The fix of one finding as a workspace edit (context-file edits apply to their current contents). */
  function fixEdit(doc: TextDocument, finding: Finding, setup: Setup): WorkspaceEdit {
    const fix = finding.fix!;
    const files = (fix.files ?? []).map((f) => ({ path: f.path, before: setup.context?.readFile(f.path) ?? null, edits: f.edits }));
    return workspaceEdit(doc, fix.edits, files, setup.contextDir);
  }

  async function fixAllEdit(doc: TextDocument, text: string): Promise<WorkspaceEdit | null> {
    const { config, context, contextDir, buildArgs } = setupFor(doc.uri);
    const fixed = await fixText(text, { rules: await defaultRules(), level: 'safe', config, context, buildArgs });
    const edit = minimalEdit(text, fixed.output);
    const files = [...fixed.files].map(([path, after]) => {
      const before = context?.readFile(path) ?? null;
      const e = minimalEdit(before ?? '', after);
      return { path, before, edits: e ? [e] : [] };
    });
    if (!edit && files.every((f) => f.edits.length === 0)) return null;
    // Whole-file result: no CRLF rewriting needed (fixText already kept the file's line endings).
    const we = workspaceEdit(doc, [], files, contextDir);
    const own = edit ? lspEdits(doc, [edit]) : [];
    if (we.documentChanges) (we.documentChanges[0] as TextDocumentEdit).edits = own;
    else we.changes![doc.uri] = own;
    return we;
  }

  // --- code actions --------------------------------------------------------------------------------

  connection.onCodeAction(async (params) => {
    const got = await current(params.textDocument.uri);
    if (!got) return [];
    const { doc, entry } = got;
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
    const actions: CodeAction[] = [];
    const fixable = entry.result.findings.filter((f) => f.fix?.applicability === 'safe').length;
    const here = entry.result.findings.filter((f) => findingIntersects(f, params.range));
    if (wants(CodeActionKind.QuickFix)) {
      const setup = setupFor(doc.uri);
      for (const f of here) {
        const diagnostic = toDiagnostic(f);
        if (f.fix && (f.fix.edits.length > 0 || f.fix.files?.length)) {
          const safe = f.fix.applicability === 'safe';
          actions.push({
            title: `${safe ? '' : '(unsafe) '}${f.fix.description} (${f.ruleId})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: safe,
            edit: fixEdit(doc, f, setup),
          });
        }
      }
      for (const f of here) {
        const pragma = ignorePragmaEdit(entry.result.file, f);
        if (pragma) {
          actions.push({
            title: `Ignore ${f.ruleId} for this instruction`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(f)],
            edit: workspaceEdit(doc, [pragma]),
          });
        }
      }
      for (const id of [...new Set(here.map((f) => f.ruleId))].filter((id) => id !== 'DL1000')) {
        actions.push({
          title: `Ignore ${id} in .hadolint.yaml`,
          kind: CodeActionKind.QuickFix,
          diagnostics: here.filter((f) => f.ruleId === id).map(toDiagnostic),
          command: { title: `Ignore ${id} in .hadolint.yaml`, command: COMMANDS.ignoreInConfig, arguments: [doc.uri, id] },
        });
      }
      if (fixable > 0 && here.some((f) => f.fix)) {
        const edit = await fixAllEdit(doc, entry.text);
        if (edit) actions.push({ title: `Fix all safe problems (${fixable})`, kind: CodeActionKind.QuickFix, edit });
      }
    }
    if (fixable > 0 && only && wants(FIX_ALL_KIND)) {
      const edit = await fixAllEdit(doc, entry.text);
      if (edit) actions.push({ title: 'Fix all safe problems (shipshape)', kind: FIX_ALL_KIND, edit });
    }
    // A stale answer would edit the wrong text: drop it if the document moved on meanwhile.
    return documents.get(doc.uri)?.version === entry.version ? actions : [];
  });

  // --- commands ------------------------------------------------------------------------------------

  connection.onExecuteCommand(async (params) => {
    const [uri, ruleId] = (params.arguments ?? []) as [string?, string?];
    if (typeof uri !== 'string') throw new Error(`${params.command}: the first argument must be a document URI`);
    if (params.command === COMMANDS.fixAll) {
      const got = await current(uri);
      if (!got) return { applied: false };
      const edit = await fixAllEdit(got.doc, got.entry.text);
      if (!edit) return { applied: false };
      const r = await connection.workspace.applyEdit({ label: 'shipshape: fix all safe problems', edit });
      return { applied: r.applied };
    }
    if (params.command === COMMANDS.ignoreInConfig) {
      if (typeof ruleId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(ruleId)) throw new Error(`${params.command}: the second argument must be a rule id`);
      const setup = setupFor(uri);
      const file = setup.configFile ?? (setup.configHome ? join(setup.configHome, '.hadolint.yaml') : null);
      if (!file) throw new Error('no folder to write .hadolint.yaml to (the document is not a file)');
      const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
      let after: string;
      try {
        after = addIgnoredRule(before, ruleId);
      } catch (e) {
        void connection.window.showErrorMessage(`shipshape: cannot edit ${file}: ${(e as Error).message}`);
        return { written: null };
      }
      if (after !== before) writeAtomic(file, after);
      // The config changed: every document may lint differently now.
      setups.clear();
      linted.clear();
      for (const doc of documents.all()) schedule(doc, 0);
      return { written: file };
    }
    throw new Error(`unknown command ${params.command}`);
  });

  // --- hover ---------------------------------------------------------------------------------------

  connection.onHover(async (params) => {
    const got = await current(params.textDocument.uri);
    if (!got) return null;
    const { line, character } = params.position;
    const under = got.entry.result.findings.filter((f) => findingContains(f, line, character));
    if (under.length === 0) return null;
    return hoverFor(under, rulesById, toLspRange(under[0].range));
  });

  documents.listen(connection);
}

/** The nearest folder from `dir` up to `stop` (inclusive) that holds a `.hadolint.yaml`/`.yml`. */
function findConfigDir(dir: string, stop: string | undefined): string | null {
  for (let d = dir; ; ) {
    if (CONFIG_NAMES.some((n) => existsSync(join(d, n)))) return d;
    const up = dirname(d);
    if (d === stop || up === d || (stop && !up.startsWith(stop))) return null;
    d = up;
  }
}

function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

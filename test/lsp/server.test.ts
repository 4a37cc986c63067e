/**
 * The language server end to end: `shipshape lsp --stdio` runs as a real process and this test is its
 * editor, speaking JSON-RPC over the process's standard streams (vscode-jsonrpc's client side).
 * Uses the bundle (bin/shipshape.cjs → dist/loader.cjs) when it is newer than every source file, as
 * after `npm ci`; otherwise the TypeScript sources through tsx.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { fixText } from '../../src/fix/fixer.js';
import { defaultRules } from '../../src/rules/registry.js';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'shipshape-lsp-'));
const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;

function newestSource(d: string): number {
  let t = 0;
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

function serverCommand(): string[] {
  const bundle = join(root, 'dist/loader.cjs');
  let fresh = false;
  try {
    fresh = statSync(bundle).mtimeMs >= newestSource(join(root, 'src'));
  } catch {
    fresh = false;
  }
  return fresh ? [join(root, 'bin/shipshape.cjs'), 'lsp', '--stdio'] : ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'lsp', '--stdio'];
}

/** The editor side: open documents, published diagnostics, and edits the server asks to apply. */
class Editor {
  readonly docs = new Map<string, TextDocument>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  /** Glob patterns the server registered for workspace/didChangeWatchedFiles. */
  readonly watched: string[] = [];
  private waiters: (() => void)[] = [];
  constructor(readonly rpc: MessageConnection) {
    rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    rpc.onNotification('window/logMessage', () => {});
    rpc.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    rpc.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    rpc.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] }) => {
      for (const r of p.registrations) if (r.method === 'workspace/didChangeWatchedFiles') this.watched.push(...(r.registerOptions?.watchers ?? []).map((w) => w.globPattern));
      return null;
    });
    rpc.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.apply(p.edit);
      return { applied: true };
    });
  }

  /** Waits for a publication for `uri` that satisfies `pred` (default: any), checking earlier ones first. */
  async diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.published].reverse().find((p) => p.uri === uri);
      if (found && pred(found)) return found;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(found)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  open(uri: string, text: string, languageId = 'dockerfile'): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** An incremental change, as editors send them. */
  change(uri: string, edits: TextEdit[]): void {
    const doc = this.docs.get(uri)!;
    const contentChanges = edits.map((e) => ({ range: e.range, text: e.newText }));
    const next = TextDocument.update(doc, contentChanges, doc.version + 1);
    this.docs.set(uri, next);
    void this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** Applies a workspace edit to the open documents (as an editor would) and sends the change. */
  apply(edit: WorkspaceEdit): void {
    const all: [string, TextEdit[]][] = [];
    for (const c of edit.documentChanges ?? []) if ('textDocument' in c) all.push([c.textDocument.uri, (c as TextDocumentEdit).edits as TextEdit[]]);
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) all.push([uri, edits]);
    for (const [uri, edits] of all) {
      if (!this.docs.has(uri)) continue;
      const doc = this.docs.get(uri)!;
      // One didChange with the edits as applied to the text: LSP edits refer to the original text.
      const text = TextDocument.applyEdits(doc, edits);
      this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text }]);
    }
  }
}

/** Applies a workspace edit's edits for `uri` to `text` without sending anything. */
function applied(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) edits.push(...((c as TextDocumentEdit).edits as TextEdit[]));
  edits.push(...(edit.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 0, text), edits);
}

/** Polls `pred` until it holds (throws after 20 s). */
async function until(pred: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('condition not met in 20 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const byCode = (p: PublishDiagnosticsParams, code: string): Diagnostic | undefined => p.diagnostics.find((d) => d.code === code);
const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code));

let child: ChildProcess;
let rpc: MessageConnection;
let editor: Editor;
let stderr = '';
const dockerfile = join(dir, 'Dockerfile');
const uri = pathToFileURL(dockerfile).toString();
const TEXT = 'FROM debian:12.6\nRUN apt-get update && apt-get install -y curl\nRUN echo $HOME_DIR > /tmp/x\n';

beforeAll(async () => {
  writeFileSync(dockerfile, TEXT);
  child = spawn(process.execPath, serverCommand(), { cwd: root, env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config') }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  editor = new Editor(rpc);
  rpc.listen();
});

afterAll(() => {
  rpc?.dispose();
  if (child && child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('shipshape lsp --stdio', () => {
  it('initializes and announces its features', async () => {
    const result = (await rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { debounceMs: 50 },
    })) as { capabilities: Record<string, any>; serverInfo: { name: string } };
    expect(result.serverInfo.name).toBe('shipshape');
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(result.capabilities.codeActionProvider.codeActionKinds).toContain('source.fixAll.shipshape');
    expect(result.capabilities.executeCommandProvider.commands).toEqual(['shipshape.fixAll', 'shipshape.ignoreInConfig']);
    await rpc.sendNotification('initialized', {});
  });

  it('publishes diagnostics on open: rule id as code, docs link, severity, exact range', async () => {
    editor.open(uri, TEXT);
    const p = await editor.diagnostics(uri, (x) => x.version === 1);
    const dl3015 = byCode(p, 'DL3015')!;
    expect(dl3015).toBeDefined();
    expect(dl3015.source).toBe('shipshape');
    expect(dl3015.severity).toBe(3); // Information
    expect(dl3015.codeDescription?.href).toMatch(/docs\/rules\/DL3015\.md$/);
    // The range covers `apt-get install -y curl` on line 2 (0-based line 1).
    const line = TEXT.split('\n')[1];
    expect(dl3015.range).toEqual({ start: { line: 1, character: line.indexOf('apt-get install') }, end: { line: 1, character: line.length } });
    expect(byCode(p, 'DL3008')!.severity).toBe(2); // Warning
    expect(byCode(p, 'DL3008')!.range.start).toEqual({ line: 1, character: line.indexOf('curl') });
  });

  it.runIf(hasShellcheck)('adds ShellCheck findings once the background check is done', async () => {
    const p = await editor.diagnostics(uri, (x) => x.version === 1 && codes(x).includes('SC2086'));
    const sc = byCode(p, 'SC2086')!;
    const line = TEXT.split('\n')[2];
    expect(sc.range.start).toEqual({ line: 2, character: line.indexOf('$HOME_DIR') });
    expect(sc.codeDescription?.href).toBe('https://www.shellcheck.net/wiki/SC2086');
  });

  it('re-lints after typing and never publishes a superseded version', async () => {
    const before = editor.published.length;
    // Two quick edits inside the debounce window: insert a line above, then pin curl.
    editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# comment\n' }]);
    const v3Line = 'RUN apt-get update && apt-get install -y curl'.length;
    editor.change(uri, [{ range: { start: { line: 2, character: v3Line }, end: { line: 2, character: v3Line } }, newText: '=7.88.1-10' }]);
    const p = await editor.diagnostics(uri, (x) => x.version === 3);
    expect(codes(p)).not.toContain('DL3008');
    expect(byCode(p, 'DL3015')!.range.start.line).toBe(2);
    if (hasShellcheck) {
      // The unchanged RUN keeps its cached SC finding, moved one line down.
      expect(byCode(p, 'SC2086')!.range.start.line).toBe(3);
    }
    // Version 2 lived for less than the debounce pause: never linted, or its result dropped. Whatever
    // the timing, nothing for version 2 arrives once version 3 has been published.
    const later = editor.published.slice(before).filter((x) => x.uri === uri);
    const firstV3 = later.findIndex((x) => x.version === 3);
    expect(later.slice(firstV3).filter((x) => x.version !== 3)).toEqual([]);
  });

  it('offers quick fixes: safe preferred, unsafe labelled, and the ignore actions', async () => {
    const text = editor.text(uri);
    const p = await editor.diagnostics(uri, (x) => x.version === 3);
    // The whole line: DL3009 (on `apt-get update`) and DL3015 (on `apt-get install`).
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 80 } };
    const actions = (await rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: p.diagnostics } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    const unsafe = actions.find((a) => a.title.startsWith('(unsafe)') && a.title.includes('DL3015'))!;
    expect(unsafe.isPreferred).toBe(false);
    expect(applied(text, uri, unsafe.edit!)).toContain('apt-get install --no-install-recommends -y curl');
    const safe = actions.find((a) => a.title.includes('(DL3009)'))!;
    expect(safe.isPreferred).toBe(true);
    expect(applied(text, uri, safe.edit!)).toContain('rm -rf /var/lib/apt/lists/*');
    const ignore = actions.find((a) => a.title === 'Ignore DL3015 for this instruction')!;
    expect(applied(text, uri, ignore.edit!)).toBe(text.replace('RUN apt-get', '# hadolint ignore=DL3015\nRUN apt-get'));
    expect(titles).toContain('Ignore DL3015 in .hadolint.yaml');
    expect(titles.some((t) => t.startsWith('Fix all safe problems'))).toBe(true);
  });

  it('answers source.fixAll with the same text as lint --fix', async () => {
    const text = editor.text(uri);
    const actions = (await rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.shipshape']);
    const expected = (await fixText(text, { rules: await defaultRules(), level: 'safe' })).output;
    expect(expected).not.toBe(text);
    expect(applied(text, uri, actions[0].edit!)).toBe(expected);
  });

  it('hover shows the rule summary and why', async () => {
    const p = await editor.diagnostics(uri, (x) => x.version === 3);
    const d = byCode(p, 'DL3015')!;
    const hover = (await rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
    const value = (hover.contents as { value: string }).value;
    const rule = (await defaultRules()).find((r) => r.id === 'DL3015')!;
    expect(value).toContain('DL3015');
    expect(value).toContain('Why:');
    expect(value).toContain(rule.docs.why.slice(0, 30));
    // Code spans of the message stay code (a fresh-user trial saw `\`--no-install-recommends\`` in the editor).
    expect(value).toContain('`--no-install-recommends`');
    expect(value).not.toContain('\\`');
    const none = await rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    expect(none).toBeNull();
  });

  it('executeCommand shipshape.fixAll applies the safe fixes through workspace/applyEdit', async () => {
    const text = editor.text(uri);
    const version = editor.docs.get(uri)!.version;
    const r = (await rpc.sendRequest('workspace/executeCommand', { command: 'shipshape.fixAll', arguments: [uri] })) as { applied: boolean };
    expect(r.applied).toBe(true);
    expect(editor.text(uri)).toBe((await fixText(text, { rules: await defaultRules(), level: 'safe' })).output);
    const p = await editor.diagnostics(uri, (x) => x.version === version + 1);
    expect(codes(p)).not.toContain('DL3009');
  });

  it('executeCommand shipshape.ignoreInConfig writes .hadolint.yaml and re-lints', async () => {
    const version = editor.docs.get(uri)!.version;
    const before = editor.published.length;
    const r = (await rpc.sendRequest('workspace/executeCommand', { command: 'shipshape.ignoreInConfig', arguments: [uri, 'DL3015'] })) as { written: string };
    expect(r.written).toBe(join(dir, '.hadolint.yaml'));
    expect(readFileSync(join(dir, '.hadolint.yaml'), 'utf8')).toBe('ignored:\n  - DL3015\n');
    const p = await editor.diagnostics(uri, (x) => x.version === version && editor.published.indexOf(x) >= before);
    expect(codes(p)).not.toContain('DL3015');
  });

  it('re-reads the configuration when the client reports it changed', async () => {
    const version = editor.docs.get(uri)!.version;
    const base = (await editor.diagnostics(uri, (x) => x.version === version)).diagnostics.length;
    expect(base).toBeGreaterThan(0);
    writeFileSync(join(dir, '.hadolint.yaml'), '# team settings\nignored:\n  - DL3015\noverride:\n  error:\n    - DL3045\n    - DL3047\n');
    let before = editor.published.length;
    await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.hadolint.yaml')).toString(), type: 2 }] });
    // Same text, new configuration: published again with the new severity.
    const withDl3047 = 'RUN wget https://example.com/x\n';
    const end = editor.docs.get(uri)!.positionAt(editor.text(uri).length);
    editor.change(uri, [{ range: { start: end, end }, newText: withDl3047 }]);
    let p = await editor.diagnostics(uri, (x) => x.version === version + 1 && editor.published.indexOf(x) >= before);
    expect(byCode(p, 'DL3047')?.severity).toBe(1); // Error, from the new override
    writeFileSync(join(dir, '.hadolint.yaml'), '# team settings\nignored:\n  - DL3015\n  - DL3047\n');
    before = editor.published.length;
    await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.hadolint.yaml')).toString(), type: 2 }] });
    p = await editor.diagnostics(uri, (x) => x.version === version + 1 && editor.published.indexOf(x) >= before);
    expect(codes(p)).not.toContain('DL3047');
    // The ignore action on an existing file keeps its comment.
    await rpc.sendRequest('workspace/executeCommand', { command: 'shipshape.ignoreInConfig', arguments: [uri, 'DL3009'] });
    expect(readFileSync(join(dir, '.hadolint.yaml'), 'utf8')).toBe('# team settings\nignored:\n  - DL3015\n  - DL3047\n  - DL3009\n');
  });

  it('says so when the configuration is invalid, and lints with the defaults', async () => {
    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored: [DL3015\n');
    await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.hadolint.yaml')).toString(), type: 2 }] });
    // The user is told once, and the file is published again with the default configuration (nothing
    // ignored): DL3047 and DL3015 are back. (A relint still pending from the previous test may read the
    // file half-written, as empty: so wait for the message first.)
    await until(() => editor.messages.some((m) => /hadolint\.yaml: invalid YAML.*using the default configuration/.test(m)));
    const after = editor.published.length;
    await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.hadolint.yaml')).toString(), type: 2 }] });
    const p = await editor.diagnostics(uri, (x) => editor.published.indexOf(x) >= after);
    expect(codes(p)).toContain('DL3047');
    expect(codes(p)).toContain('DL3015');
    expect(editor.messages.filter((m) => m.includes('invalid YAML'))).toHaveLength(1);
    rmSync(join(dir, '.hadolint.yaml'));
  });

  it("uses the Dockerfile's folder as build context and re-reads its .dockerignore when it changes", async () => {
    const svc = join(dir, 'svc');
    mkdirSync(svc);
    writeFileSync(join(svc, 'requirements.txt'), 'django==5.1.4\n');
    writeFileSync(join(svc, '.dockerignore'), 'requirements.txt\n');
    const svcUri = pathToFileURL(join(svc, 'Dockerfile')).toString();
    editor.open(svcUri, 'FROM python:3.12.7-slim\nWORKDIR /app\nCOPY requirements.txt .\n');
    const p = await editor.diagnostics(svcUri, (x) => x.version === 1);
    expect(byCode(p, 'CopyIgnoredFile')?.range.start.line).toBe(2);
    const before = editor.published.length;
    writeFileSync(join(svc, '.dockerignore'), '.git\n');
    await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(svc, '.dockerignore')).toString(), type: 2 }] });
    const q = await editor.diagnostics(svcUri, (x) => editor.published.indexOf(x) >= before && !codes(x).includes('CopyIgnoredFile'));
    expect(q.version).toBe(1);
  });

  it('takes the build context from the Compose service that builds the Dockerfile, and re-reads Compose and .env', async () => {
    // cookiecutter-django's layout: compose.yaml at the project root builds ./compose/django/Dockerfile
    // with `context: .`, and the project root holds the .dockerignore.
    const proj = join(dir, 'proj');
    const django = join(proj, 'compose', 'django');
    mkdirSync(django, { recursive: true });
    writeFileSync(join(proj, 'manage.py'), 'print(1)\n');
    writeFileSync(join(proj, '.dockerignore'), '.git\n.env\n');
    const dUri = pathToFileURL(join(django, 'Dockerfile')).toString();
    const fileUri = (p: string): string => pathToFileURL(p).toString();
    const notify = (...files: string[]): Promise<void> =>
      rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((f) => ({ uri: fileUri(f), type: 2 })) });
    /** The file the require-dockerignore quick fix creates. */
    const createdByFix = async (d: Diagnostic): Promise<string | undefined> => {
      const actions = (await rpc.sendRequest('textDocument/codeAction', { textDocument: { uri: dUri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
      const fix = actions.find((a) => a.title.endsWith('(require-dockerignore)'));
      return fix?.edit?.documentChanges?.flatMap((c) => ('kind' in c && c.kind === 'create' ? [c.uri] : []))[0];
    };
    const withRule = (has: boolean, since: number) => (x: PublishDiagnosticsParams) => editor.published.indexOf(x) >= since && codes(x).includes('require-dockerignore') === has;

    // The server asked to hear about Compose files and .env.
    expect(editor.watched).toContain('**/.env');
    expect(editor.watched).toContain('**/{compose,docker-compose}*.{yaml,yml}');

    // No Compose file: the Dockerfile's own folder is the context, and it has no .dockerignore.
    // The base image comes from a build argument, untagged by default (DL3006).
    editor.open(dUri, 'ARG BASE=python\nFROM ${BASE}\nWORKDIR /app\nCOPY . .\n');
    const p = await editor.diagnostics(dUri, (x) => x.version === 1);
    const missing = byCode(p, 'require-dockerignore');
    expect(missing?.range.start.line).toBe(3);
    expect(codes(p)).toContain('DL3006');
    expect(await createdByFix(missing!)).toBe(fileUri(join(django, '.dockerignore')));

    // The Compose file appears: its context (the project root) has a .dockerignore, and its build
    // args give BASE a tagged image.
    let since = editor.published.length;
    writeFileSync(
      join(proj, 'compose.yaml'),
      'services:\n  django:\n    build:\n      context: ${DJANGO_CONTEXT:-.}\n      dockerfile: ${DJANGO_DOCKERFILE:-./compose/django/Dockerfile}\n      args:\n        BASE: python:3.12.7-slim\n',
    );
    await notify(join(proj, 'compose.yaml'));
    const composed = await editor.diagnostics(dUri, withRule(false, since));
    expect(codes(composed)).not.toContain('DL3006');

    // A .env beside the Compose file moves the context back to the Dockerfile's folder.
    since = editor.published.length;
    writeFileSync(join(proj, '.env'), 'DJANGO_CONTEXT=./compose/django\nDJANGO_DOCKERFILE=Dockerfile\n');
    await notify(join(proj, '.env'));
    await editor.diagnostics(dUri, withRule(true, since));

    // Back to the project root as context, now without its .dockerignore: the fix creates it there.
    since = editor.published.length;
    rmSync(join(proj, '.env'));
    rmSync(join(proj, '.dockerignore'));
    await notify(join(proj, '.env'), join(proj, '.dockerignore'));
    const q = await editor.diagnostics(dUri, withRule(true, since));
    expect(await createdByFix(byCode(q, 'require-dockerignore')!)).toBe(fileUri(join(proj, '.dockerignore')));
  });

  it('lints *.Dockerfile and Containerfile whatever the language id, and nothing else', async () => {
    const other = pathToFileURL(join(dir, 'api.Dockerfile')).toString();
    const container = pathToFileURL(join(dir, 'Containerfile')).toString();
    const notes = pathToFileURL(join(dir, 'notes.txt')).toString();
    editor.open(notes, 'FROM debian\n', 'plaintext');
    editor.open(other, 'FROM debian\n', 'plaintext');
    editor.open(container, 'FROM debian\n', 'plaintext');
    expect(codes(await editor.diagnostics(other))).toContain('DL3006');
    expect(codes(await editor.diagnostics(container))).toContain('DL3006');
    expect(editor.published.some((x) => x.uri === notes)).toBe(false);
  });

  it('shuts down and exits with code 0', async () => {
    await rpc.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await rpc.sendNotification('exit');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});

/**
 * The command line end to end (in-process): exit codes, errors on bad input, config discovery,
 * standard input, directories, formats, --print-config.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShipshape, tempFolder } from '../helpers/cli.js';

const { dir, write } = tempFolder('shipshape-cli-');

const CLEAN = 'FROM busybox:1.36.1\nUSER 1000\nCMD ["true"]\n';
const DEBUG = 'FROM busybox:1.36.1\nENV DEBUG=1\nUSER 1000\nCMD ["true"]\n';

describe('exit codes', () => {
  it('0 when nothing is found', async () => {
    write('clean/Dockerfile', CLEAN);
    const r = await runShipshape(['lint', '-f', 'json', 'clean/Dockerfile'], dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).filter((f: { code: string }) => f.code === 'no-debug-mode')).toEqual([]);
  });
  it('1 when a finding is at or above the threshold', async () => {
    write('debug/Dockerfile', DEBUG);
    const r = await runShipshape(['lint', '--ignore', 'require-dockerignore', 'debug/Dockerfile'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-debug-mode');
  });
  it('0 with --no-fail, and with a threshold above the finding', async () => {
    expect((await runShipshape(['lint', '--no-fail', 'debug/Dockerfile'], dir)).code).toBe(0);
    const r = await runShipshape(['lint', '-t', 'error', '-f', 'json', 'debug/Dockerfile'], dir);
    const levels = JSON.parse(r.stdout).map((f: { level: string }) => f.level);
    expect(r.code).toBe(levels.includes('error') ? 1 : 0);
  });
  it('2 for a missing file, but the other files are still linted', async () => {
    const r = await runShipshape(['lint', '-f', 'json', 'nope/Dockerfile', 'debug/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope/Dockerfile: no such file or directory');
    expect(JSON.parse(r.stdout).some((f: { code: string; file: string }) => f.code === 'no-debug-mode' && f.file === 'debug/Dockerfile')).toBe(true);
  });
  it('2 for a binary file, with a clear message', async () => {
    write('bin/Dockerfile', Buffer.from([0x46, 0x52, 0x00, 0x01]));
    const r = await runShipshape(['lint', 'bin/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bin/Dockerfile: binary file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  // Issue 16 (and 11): Docker builds a Dockerfile with a Latin-1 or GBK comment; UTF-16 it does not read.
  it('a file that is not UTF-8 is linted, with one info finding about the encoding', async () => {
    write('gbk/Dockerfile', Buffer.concat([Buffer.from('FROM busybox:1.36.1\n# '), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('\nENV DEBUG=1\nUSER 1000\nCMD ["true"]\n')]));
    const r = await runShipshape(['lint', '-f', 'json', 'gbk/Dockerfile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout) as { code: string; line: number; column: number; level: string; message: string }[];
    expect(found.map((f) => `${f.line}:${f.column} ${f.code} ${f.level}`)).toEqual(['2:3 file-encoding info', '3:5 no-debug-mode warning']);
    expect(found[0].message).toMatch(/^The file is not valid UTF-8 \(byte 0xB2 here and 3 more byte\(s\);/);
    const ignored = await runShipshape(['lint', '-f', 'json', '--ignore', 'file-encoding', 'gbk/Dockerfile'], dir);
    expect((JSON.parse(ignored.stdout) as { code: string }[]).map((f) => f.code)).toEqual(['no-debug-mode']);
  });
  it('--fix on a file that is not UTF-8 writes its other bytes back unchanged', async () => {
    const head = Buffer.concat([Buffer.from('FROM busybox:1.36.1\n# caf'), Buffer.from([0xe9]), Buffer.from(' \u4e2d '), Buffer.from([0xff, 0xc3]), Buffer.from('\n')]);
    const p = write('latin1fix/Dockerfile', Buffer.concat([head, Buffer.from('ENV DEBUG=1\nUSER 1000\nCMD ["true"]\n')]));
    const r = await runShipshape(['lint', '--unsafe-fixes', '--no-fail', 'latin1fix/Dockerfile'], dir);
    expect(r.stderr).toMatch(/^Fixed 1 finding/m);
    expect(readFileSync(p)).toEqual(Buffer.concat([head, Buffer.from('ENV DEBUG=False\nUSER 1000\nCMD ["true"]\n')]));
  });
  it('2 for UTF-16 text, saying what it is', async () => {
    write('utf16/Dockerfile', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM busybox:1.36.1\n', 'utf16le')]));
    write('utf16be/Dockerfile', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('FROM busybox:1.36.1\n', 'utf16le').swap16()]));
    const r = await runShipshape(['lint', 'utf16/Dockerfile', 'utf16be/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'shipshape: utf16/Dockerfile: UTF-16 text (little-endian, byte order mark FF FE): Docker reads a Dockerfile as UTF-8 and does not build this file; save it as UTF-8\n' +
        'shipshape: utf16be/Dockerfile: UTF-16 text (big-endian, byte order mark FE FF): Docker reads a Dockerfile as UTF-8 and does not build this file; save it as UTF-8\n',
    );
  });
  it('2 for a permission problem (when not running as root)', async () => {
    const p = write('secret/Dockerfile', CLEAN);
    chmodSync(p, 0o000);
    const r = await runShipshape(['lint', 'secret/Dockerfile'], dir);
    chmodSync(p, 0o644);
    if (process.getuid?.() === 0) expect(r.code).not.toBe(2); // root reads anything
    else expect(r.stderr).toContain('permission denied');
  });
  it('2 with no arguments at all (usage on stderr)', async () => {
    const r = await runShipshape([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: shipshape');
  });
  it('2 for an unknown option or format, and no stack trace', async () => {
    const a = await runShipshape(['lint', '--bogus', 'x'], dir);
    expect(a.code).toBe(2);
    const b = await runShipshape(['lint', '-f', 'yaml', 'clean/Dockerfile'], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("unknown format 'yaml'");
  });
  it('no path: the current directory (its Dockerfile), as ruff and ESLint do; an empty one is exit 2', async () => {
    write('nopath/Dockerfile', 'FROM alpine:3.20\nMAINTAINER me\n');
    const r = await runShipshape(['lint', '-f', 'json'], join(dir, 'nopath'));
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { file: string; code: string }[]).some((f) => f.file === 'Dockerfile' && f.code === 'DL4000')).toBe(true);
    mkdirSync(join(dir, 'nopath-empty'));
    const e = await runShipshape(['lint'], join(dir, 'nopath-empty'));
    expect(e.code).toBe(2);
    expect(e.stderr).toBe('shipshape: no Dockerfile found in .\n');
  });
  it('2 when two reports would share standard output; one each with -o is fine', async () => {
    const r = await runShipshape(['lint', '-f', 'json', '-f', 'sarif', 'clean/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shipshape: 2 reports would be written to standard output (-f json, -f sarif): give all but one of them an -o FILE\n');
    expect(r.stdout).toBe('');
    const ok = await runShipshape(['lint', '-f', 'json', '-o', '-', '-f', 'sarif', '-o', 'clean/report.sarif', 'clean/Dockerfile'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'clean/report.sarif'), 'utf8')).version).toBe('2.1.0');
  });
  it('1 for a file that does not parse (DL1000)', async () => {
    write('broken/Dockerfile', 'FROM alpine:3.20\nFOO bar\n');
    const r = await runShipshape(['lint', '-f', 'json', 'broken/Dockerfile'], dir);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'DL1000', level: 'error', line: 2 });
  });
  it('a file with only comments or an empty file is a parse error, not a crash', async () => {
    write('empty/Dockerfile', '');
    write('comments/Dockerfile', '# nothing here\n');
    const r = await runShipshape(['lint', '-f', 'json', 'empty/Dockerfile', 'comments/Dockerfile'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((f: { code: string }) => f.code)).toEqual(['DL1000', 'DL1000']);
  });
});

describe('configuration', () => {
  it('reads .hadolint.yaml from the working directory', async () => {
    const cwd = join(dir, 'cfg1');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    writeFileSync(join(cwd, '.hadolint.yaml'), 'ignored:\n  - no-debug-mode\n');
    const r = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], cwd);
    expect(JSON.parse(r.stdout).map((f: { code: string }) => f.code)).not.toContain('no-debug-mode');
  });
  it('an invalid config is exit 2 with the key named', async () => {
    const cwd = join(dir, 'cfg2');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    writeFileSync(join(cwd, '.hadolint.yaml'), 'failure-threshold: loud\n');
    const r = await runShipshape(['lint', 'Dockerfile'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'failure-threshold'");
  });
  it('invalid YAML is exit 2', async () => {
    const cwd = join(dir, 'cfg3');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    writeFileSync(join(cwd, 'my.yaml'), 'ignored: [a\n');
    const r = await runShipshape(['lint', '-c', 'my.yaml', 'Dockerfile'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid YAML');
  });
  it('a YAML syntax error names its line and shows it (configuration and Compose file); an error at the end drops the colon', async () => {
    const cwd = join(dir, 'cfg-yaml');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), CLEAN);
    writeFileSync(join(cwd, 'bad.yaml'), 'ignored:\n- DL3000\n  bad: [\n');
    const r = await runShipshape(['lint', '-c', 'bad.yaml', 'Dockerfile'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`shipshape: ${join(cwd, 'bad.yaml')}: invalid YAML: Implicit keys need to be on a single line at line 2, column 3: \`- DL3000\`\n`);
    writeFileSync(join(cwd, 'open.yaml'), 'ignored: "DL3000\n');
    const open = await runShipshape(['lint', '-c', 'open.yaml', 'Dockerfile'], cwd);
    expect(open.stderr).toBe(`shipshape: ${join(cwd, 'open.yaml')}: invalid YAML: Missing closing "quote at line 2, column 1\n`);
    writeFileSync(join(cwd, 'compose.yaml'), 'services:\n  web:\n    build: .\n   bad: [\n');
    const compose = await runShipshape(['lint', 'compose.yaml'], cwd);
    expect(compose.code).toBe(2);
    expect(compose.stderr).toBe('shipshape: compose.yaml: not a readable Compose file: All mapping items must start at the same column at line 4, column 1: `   bad: [`\n');
  });
  it('severity overrides from the CLI win over the file (hadolint precedence)', async () => {
    const cwd = join(dir, 'cfg4');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    writeFileSync(join(cwd, '.hadolint.yaml'), 'override:\n  info: [no-debug-mode]\n');
    const a = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], cwd);
    expect(JSON.parse(a.stdout).find((f: { code: string }) => f.code === 'no-debug-mode').level).toBe('info');
    const b = await runShipshape(['lint', '-f', 'json', '--error', 'no-debug-mode', 'Dockerfile'], cwd);
    expect(JSON.parse(b.stdout).find((f: { code: string }) => f.code === 'no-debug-mode').level).toBe('error');
  });
  it('HADOLINT_* environment variables apply below the file', async () => {
    const cwd = join(dir, 'cfg5');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    const r = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_IGNORE: 'no-debug-mode' } });
    expect(JSON.parse(r.stdout).map((f: { code: string }) => f.code)).not.toContain('no-debug-mode');
    const nf = await runShipshape(['lint', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_NOFAIL: 'true' } });
    expect(nf.code).toBe(0);
  });
  it('a key that is a near miss of a known one is exit 2 (a typo would change what is checked); another tool\'s key is a warning', async () => {
    const cwd = join(dir, 'cfg7');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    for (const [typo, meant] of [['ignroed', 'ignored'], ['ignore', 'ignored'], ['trusted-registries', 'trustedRegistries']]) {
      writeFileSync(join(cwd, '.hadolint.yaml'), `${typo}: [no-debug-mode]\n`);
      const r = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`shipshape: ${join(cwd, '.hadolint.yaml')}: unknown key '${typo}' (did you mean '${meant}'?)\n`);
    }
    writeFileSync(join(cwd, '.hadolint.yaml'), 'kics-queries: [x]\n');
    const other = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], cwd);
    expect(other.stderr).toContain("unknown key 'kics-queries' is ignored");
    expect(JSON.parse(other.stdout).map((f: { code: string }) => f.code)).toContain('no-debug-mode');
  });
  it('the command line can lower a severity the file raised (CLI > file > environment for each rule)', async () => {
    const cwd = join(dir, 'cfg8');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    writeFileSync(join(cwd, '.hadolint.yaml'), 'override:\n  error: [no-debug-mode]\n');
    const r = await runShipshape(['lint', '-f', 'json', '--info', 'no-debug-mode', 'Dockerfile'], cwd);
    expect(JSON.parse(r.stdout).find((f: { code: string }) => f.code === 'no-debug-mode').level).toBe('info');
    const env = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_OVERRIDE_STYLE: 'no-debug-mode' } });
    expect(JSON.parse(env.stdout).find((f: { code: string }) => f.code === 'no-debug-mode').level).toBe('error');
  });
  it('formats come from the highest source that names any: -f replaces format: of the file (the -o pairing stays right)', async () => {
    const cwd = join(dir, 'cfg9');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    writeFileSync(join(cwd, '.hadolint.yaml'), 'format: tty\n');
    const r = await runShipshape(['lint', '-f', 'github', '-o', '-', '-f', 'sarif', '-o', 'out.sarif', 'Dockerfile'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::warning file=Dockerfile,line=2/m);
    expect(JSON.parse(readFileSync(join(cwd, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    const fromFile = await runShipshape(['lint', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_FORMAT: 'json' } });
    expect(fromFile.stdout).toContain('Dockerfile:2:');
  });
  it('codeclimate forces exit 0 only when every report is codeclimate or codacy', async () => {
    const cwd = join(dir, 'cfg10');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    expect((await runShipshape(['lint', '-f', 'codeclimate', 'Dockerfile'], cwd)).code).toBe(0);
    expect((await runShipshape(['lint', '-f', 'tty', '-o', '-', '-f', 'codeclimate', '-o', 'cc.json', 'Dockerfile'], cwd)).code).toBe(1);
  });
  it('an environment variable with a value that is not one is exit 2, as a bad file value is', async () => {
    const cwd = join(dir, 'cfg11');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'Dockerfile'), DEBUG);
    const t = await runShipshape(['lint', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_FAILURE_THRESHOLD: 'bogus' } });
    expect(t.code).toBe(2);
    expect(t.stderr).toBe("shipshape: HADOLINT_FAILURE_THRESHOLD='bogus' is not one of error, warning, info, style, ignore, none\n");
    const b = await runShipshape(['lint', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_NOFAIL: 'bogus' } });
    expect(b.code).toBe(2);
    expect(b.stderr).toBe("shipshape: HADOLINT_NOFAIL='bogus' is not a boolean: use 1/true/yes/on or 0/false/no/off\n");
    expect((await runShipshape(['lint', 'Dockerfile'], cwd, { env: { HOME: cwd, HADOLINT_NOFAIL: 'Yes' } })).code).toBe(0);
  });
  it('a missing -c file is exit 2 with a plain reason', async () => {
    const r = await runShipshape(['lint', '-c', 'nope.yaml', 'debug/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: no such file');
  });
  it('--print-config prints the merged configuration', async () => {
    const cwd = join(dir, 'cfg6');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, '.hadolint.yaml'), 'trustedRegistries: [docker.io]\nfailure-threshold: warning\n');
    const r = await runShipshape(['lint', '--print-config', 'Dockerfile'], cwd);
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg).toMatchObject({ trustedRegistries: ['docker.io'], failureThreshold: 'warning' });
  });
});

describe('inputs', () => {
  it('reads standard input with -, named by --stdin-filename', async () => {
    const r = await runShipshape(['lint', '-f', 'json', '--stdin-filename', 'api.Dockerfile', '-'], dir, { stdin: DEBUG });
    const f = JSON.parse(r.stdout);
    expect(f.some((x: { file: string; code: string }) => x.file === 'api.Dockerfile' && x.code === 'no-debug-mode')).toBe(true);
  });
  it('finds Dockerfiles in a directory, but not .dockerignore files', async () => {
    write('tree/Dockerfile', DEBUG);
    write('tree/svc/api.Dockerfile', DEBUG);
    write('tree/svc/Dockerfile.dev', DEBUG);
    write('tree/svc/Dockerfile.dockerignore', '.git\n');
    write('tree/Containerfile', DEBUG);
    write('tree/node_modules/x/Dockerfile', DEBUG);
    const r = await runShipshape(['lint', '-f', 'json', 'tree'], dir);
    const files = [...new Set(JSON.parse(r.stdout).map((f: { file: string }) => f.file))].sort();
    expect(files).toEqual(['tree/Containerfile', 'tree/Dockerfile', 'tree/svc/Dockerfile.dev', 'tree/svc/api.Dockerfile']);
  });
  it('machine formats never contain colour codes; tty has none when not a terminal', async () => {
    for (const f of ['json', 'tty', 'sarif', 'checkstyle', 'gnu']) {
      const r = await runShipshape(['lint', '-f', f, 'debug/Dockerfile'], dir);
      expect(r.stdout, f).not.toContain('\x1b[');
    }
  });
  it('tty shows the offending line', async () => {
    const r = await runShipshape(['lint', '--no-color', 'debug/Dockerfile'], dir);
    expect(r.stdout).toContain('ENV DEBUG=1');
  });
  it('-o writes the report to a file', async () => {
    const r = await runShipshape(['lint', '-f', 'json', '-o', 'out.json', 'debug/Dockerfile'], dir);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).length).toBeGreaterThan(0);
  });
});

describe('help', () => {
  it('--help lists every command, image, pin and lsp included', async () => {
    const r = await runShipshape(['--help'], dir);
    expect(r.code).toBe(0);
    const commands = [...r.stdout.slice(r.stdout.indexOf('Commands:')).matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    expect(commands).toEqual(['lint', 'parse', 'rules', 'init', 'image', 'pin', 'lsp', 'help']);
    expect(r.stdout).toMatch(/^ {2}pin \[options\] \[dockerfiles\.\.\.\] /m);
  });
  it('help NAME prints the same help as NAME --help, for every command', async () => {
    for (const name of ['lint', 'parse', 'rules', 'init', 'image', 'pin', 'lsp']) {
      const viaHelp = await runShipshape(['help', name], dir);
      const viaFlag = await runShipshape([name, '--help'], dir);
      expect(viaHelp.code, name).toBe(0);
      expect(viaHelp.stdout, name).toMatch(new RegExp(`^Usage: shipshape ${name} `));
      expect(viaHelp.stdout, name).toBe(viaFlag.stdout);
    }
  });
  it('help of an unknown command is a usage error', async () => {
    const r = await runShipshape(['help', 'pinn'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("shipshape: unknown command 'pinn' (commands: lint, parse, rules, init, image, pin, lsp, help)\n");
    expect(r.stdout).toBe('');
  });
});

describe('parse command', () => {
  it('prints instructions with args, lines, flags, exec form and heredocs', async () => {
    write('p/Dockerfile', 'FROM alpine:3.20 AS b\nRUN --mount=type=cache,target=/x \\\n  echo hi\nCOPY <<EOF /a\nbody\nEOF\nCMD ["sh"]\n');
    const r = await runShipshape(['parse', '--format', 'json', 'p/Dockerfile'], dir);
    const [m] = JSON.parse(r.stdout);
    expect(m.file).toBe('p/Dockerfile');
    expect(m.instructions).toEqual([
      { keyword: 'FROM', args: 'alpine:3.20 AS b', line: 1, endLine: 1, flags: [], execForm: false, heredocs: null },
      { keyword: 'RUN', args: '--mount=type=cache,target=/x   echo hi', line: 2, endLine: 3, flags: ['--mount=type=cache,target=/x'], execForm: false, heredocs: null },
      { keyword: 'COPY', args: '<<EOF /a', line: 4, endLine: 6, flags: [], execForm: false, heredocs: [{ name: 'EOF', expand: true, chomp: false, content: 'body\n' }] },
      { keyword: 'CMD', args: '["sh"]', line: 7, endLine: 7, flags: [], execForm: true, heredocs: null },
    ]);
  });
  it('- reads standard input, as lint does', async () => {
    const r = await runShipshape(['parse', '-'], dir, { stdin: 'FROM alpine:3.20\nRUN true\n' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { file: string; instructions: { keyword: string }[] }[]).map((m) => [m.file, m.instructions.map((i) => i.keyword)])).toEqual([['-', ['FROM', 'RUN']]]);
  });
});

/**
 * Issue 11: the CLI is safe with what the user owns, on untrusted input (a pull request's Dockerfile and
 * build context): nothing outside the build context is read or printed, no secret is printed by any
 * output path, nothing is written that should not be.
 */
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShipshape, tempFolder } from '../helpers/cli.js';

const bin = join(__dirname, '../../bin/shipshape.cjs');
const { dir, write } = tempFolder('shipshape-safety-');

const PY = 'FROM python:3.12.4-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER 1000\n';

describe('the build context is never left', () => {
  it('a requirements.txt symlinked to /proc/self/environ or /etc/passwd prints neither', async () => {
    const env = { HOME: dir, CI_JOB_TOKEN: 'glcbt-64_leakedFromTheEnvironment' };
    write('environ/Dockerfile', PY);
    symlinkSync('/proc/self/environ', join(dir, 'environ/requirements.txt'));
    write('passwd/Dockerfile', PY);
    symlinkSync('/etc/passwd', join(dir, 'passwd/requirements.txt'));
    for (const f of ['github', 'json', 'tty', 'sarif']) {
      const r = await runShipshape(['lint', '-f', f, 'environ/Dockerfile', 'passwd/Dockerfile'], dir, { env });
      expect(r.stdout + r.stderr).not.toContain('leakedFromTheEnvironment');
      expect(r.stdout + r.stderr).not.toMatch(/root:x|\/bin\/(ba)?sh|`root`/);
      expect(r.stdout).not.toContain('pin-python-requirements');
    }
  });
});

describe('one redaction step: no secret value reaches any output', () => {
  const TOKENS = ['ghp_Abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_Zbcdefghijklmnopqrstuvwxyz0123456789', 'ghp_Ybcdefghijklmnopqrstuvwxyz0123456789', 'hunter2hunter2', 'Xk29fjQp7wLm'];
  const DF = [
    'FROM python:3.12.4-slim',
    `MAINTAINER ops ${TOKENS[0]}`, // MaintainerDeprecated/DL4000 suggest a LABEL with the value
    `ENV API_TOKEN ${TOKENS[1]}`, // LegacyKeyValueFormat suggests ENV API_TOKEN=...
    `ENV DB_PASSWORD ${TOKENS[3]}`,
    `# deploy password: ${TOKENS[4]}`,
    `RUN pip install --index-url https://deploy:${TOKENS[4]}@pypi.example.com/simple app`,
    `CMD python app.py --token ${TOKENS[2]}`, // DL3025/JSONArgsRecommended suggest the exec form
    '',
  ].join('\n');
  const noToken = (text: string): void => {
    for (const t of TOKENS) expect(text).not.toContain(t);
  };
  it('is applied to messages, source excerpts and fixes in every format', async () => {
    write('redact/Dockerfile', DF);
    for (const f of ['tty', 'json', 'sarif', 'github', 'gnu', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'codacy', 'sonarqube', 'junit', 'markdown']) {
      const r = await runShipshape(['lint', '-f', f, 'redact/Dockerfile'], dir);
      expect(r.stdout.length).toBeGreaterThan(0);
      noToken(r.stdout + r.stderr);
    }
    // The findings are still there, the value is masked where it was.
    const json = JSON.parse((await runShipshape(['lint', '-f', 'json', 'redact/Dockerfile'], dir)).stdout) as { code: string; message: string }[];
    expect(json.some((x) => x.code === 'no-secrets-in-image')).toBe(true);
    const sarif = (await runShipshape(['lint', '-f', 'sarif', 'redact/Dockerfile'], dir)).stdout;
    expect(sarif).toContain('insertedContent');
    const tty = (await runShipshape(['lint', '--no-color', 'redact/Dockerfile'], dir)).stdout;
    expect(tty).toMatch(/CMD python app\.py --token \*{40}/);
  });
  it('is applied to --diff, while --fix still writes the real values', async () => {
    const p = write('redact2/Dockerfile', DF);
    const d = await runShipshape(['lint', '--diff', '--unsafe-fixes', 'redact2/Dockerfile'], dir);
    expect(d.stdout).toContain('+CMD ["python", "app.py", "--token", "****');
    noToken(d.stdout + d.stderr);
    expect(readFileSync(p, 'utf8')).toBe(DF);
    const f = await runShipshape(['lint', '--unsafe-fixes', 'redact2/Dockerfile'], dir);
    noToken(f.stdout + f.stderr);
    expect(readFileSync(p, 'utf8')).toContain(`CMD ["python", "app.py", "--token", "${TOKENS[2]}"]`);
  });
});

describe('--fix writes only what it should', () => {
  const FIXABLE = 'FROM busybox:1.36.1\nMAINTAINER ops@example.com\nENV A 1\nUSER 1000\nCMD ["true"]\n';
  const WHOLE = 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["python", "main.py"]\n';

  it('never writes through a symlinked .dockerignore (outside or dangling), nor replaces the link', async () => {
    const target = write('outside-target/ignore', 'keep-me\n');
    write('dsym/Dockerfile', WHOLE);
    write('dsym/.env', 'X=1\n');
    symlinkSync(target, join(dir, 'dsym/.dockerignore'));
    const a = await runShipshape(['lint', '--unsafe-fixes', 'dsym/Dockerfile'], dir);
    expect(readFileSync(target, 'utf8')).toBe('keep-me\n');
    expect(lstatSync(join(dir, 'dsym/.dockerignore')).isSymbolicLink()).toBe(true);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/\.dockerignore.*symbolic link/);

    write('dangling/Dockerfile', WHOLE);
    symlinkSync(join(dir, 'nowhere/ignore'), join(dir, 'dangling/.dockerignore'));
    const b = await runShipshape(['lint', '--unsafe-fixes', 'dangling/Dockerfile'], dir);
    expect(lstatSync(join(dir, 'dangling/.dockerignore')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'nowhere/ignore'))).toBe(false);
    expect(b.code).toBe(2);
    // Nothing of that target was written: the Dockerfile is as it was.
    expect(readFileSync(join(dir, 'dangling/Dockerfile'), 'utf8')).toBe(WHOLE);
  });

  it('appends to a .dockerignore in another encoding, keeping its bytes', async () => {
    const latin1 = Buffer.from('# caf\xe9\nm\xe9dia/\n', 'latin1');
    write('latin1/Dockerfile', WHOLE);
    write('latin1/.env', 'X=1\n');
    write('latin1/.dockerignore', latin1);
    const r = await runShipshape(['lint', '--unsafe-fixes', 'latin1/Dockerfile'], dir);
    const after = readFileSync(join(dir, 'latin1/.dockerignore'));
    expect(after.subarray(0, latin1.length).equals(latin1)).toBe(true);
    expect(after.length).toBeGreaterThan(latin1.length);
    expect(after.subarray(latin1.length).toString('utf8')).toContain('.env');
    expect(r.stderr).not.toContain('cannot write');
  });

  it('/dev/stdin is standard input: the fixed text goes to stdout and nothing is written', () => {
    const p = write('devstdin/Dockerfile', FIXABLE);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" lint --fix /dev/stdin < Dockerfile`], { cwd: join(dir, 'devstdin'), encoding: 'utf8', timeout: 30_000 });
    expect(readFileSync(p, 'utf8')).toBe(FIXABLE);
    expect(existsSync('/dev/.dockerignore')).toBe(false);
    expect(r.stdout).toContain('LABEL org.opencontainers.image.authors="ops@example.com"');
  });

  it('a FIFO, a socket or a device is refused with exit 2 (no hang, no raw errno)', async () => {
    const fifo = join(dir, 'fifo.Dockerfile');
    spawnSync('mkfifo', [fifo]);
    const sock = join(dir, 'sock.Dockerfile');
    const server = createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    try {
      for (const args of [['lint', fifo], ['lint', '--fix', fifo], ['lint', sock], ['lint', '--fix', '/dev/null']]) {
        const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });
        expect(r.error).toBeUndefined(); // no timeout
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/not a regular file/);
        expect(r.stderr).not.toMatch(/ENXIO|\n\s+at /);
      }
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('refuses to split a hard link', async () => {
    const p = write('hard/Dockerfile', FIXABLE);
    linkSync(p, join(dir, 'hard/Dockerfile.link'));
    const r = await runShipshape(['lint', '--fix', 'hard/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hard links/);
    expect(statSync(p).nlink).toBe(2);
    expect(readFileSync(p, 'utf8')).toBe(FIXABLE);
    expect(r.stderr).not.toMatch(/^Fixed [1-9]/m);
  });

  it('--context that does not exist: exit 2 before anything is written', async () => {
    const p = write('noctx/Dockerfile', FIXABLE);
    const r = await runShipshape(['lint', '--fix', '--context', join(dir, 'does-not-exist'), 'noctx/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/build context .*does-not-exist.*no such directory/);
    expect(readFileSync(p, 'utf8')).toBe(FIXABLE);
  });

  it('--context that is a file: says so, exit 2, nothing written', async () => {
    const p = write('filectx/Dockerfile', FIXABLE);
    const r = await runShipshape(['lint', '--fix', '--context', p, 'filectx/Dockerfile'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/build context .*filectx\/Dockerfile.*: not a directory\n$/);
    expect(readFileSync(p, 'utf8')).toBe(FIXABLE);
  });

  it('two --fix runs on one file at once: no update is lost', async () => {
    const p = write('race/Dockerfile', FIXABLE);
    const [a, b] = await Promise.all([
      runShipshape(['lint', '--fix', '--fix-rule', 'MaintainerDeprecated', '--fix-rule', 'DL4000', 'race/Dockerfile'], dir),
      runShipshape(['lint', '--fix', '--fix-rule', 'LegacyKeyValueFormat', 'race/Dockerfile'], dir),
    ]);
    const text = readFileSync(p, 'utf8');
    const fixedA = text.includes('LABEL org.opencontainers.image.authors');
    const fixedB = text.includes('ENV A=1');
    // Each run either wrote its fix (and it is in the file) or said it did not.
    expect(fixedA || a.code === 2).toBe(true);
    expect(fixedB || b.code === 2).toBe(true);
    for (const r of [a, b]) if (r.code === 2) expect(r.stderr).toMatch(/changed while/);
  });
});

describe.skipIf(process.getuid?.() !== 0)('--fix as an unprivileged user (the test runs as root and drops to nobody)', () => {
  const FIXABLE = 'FROM busybox:1.36.1\nMAINTAINER ops@example.com\nUSER 1000\nCMD ["true"]\n';
  const asNobody = (cwd: string, args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd }, uid: 65534, gid: 65534, timeout: 30_000 });
  const readable = (r: ReturnType<typeof spawnSync>): boolean => !(r.error || /EACCES.*(bin|dist|node_modules)|Cannot find module/.test(String(r.stderr)));

  it('a root-owned file in a world-writable directory is not replaced by one owned by the user', () => {
    chmodSync(dir, 0o755);
    const p = write('worldw/Dockerfile', FIXABLE);
    chmodSync(join(dir, 'worldw'), 0o777);
    const r = asNobody(join(dir, 'worldw'), ['lint', '--fix', 'Dockerfile']);
    if (!readable(r)) return;
    expect(statSync(p).uid).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe(FIXABLE);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/belongs to another user/);
    expect(r.stderr).not.toMatch(/^Fixed [1-9]/m);
  });

  it('in a read-only directory: a clear error, and no "Fixed N" for what was not written', () => {
    chmodSync(dir, 0o755);
    const p = write('rodir/Dockerfile', FIXABLE);
    chmodSync(p, 0o666);
    spawnSync('chown', ['65534:65534', p]);
    chmodSync(join(dir, 'rodir'), 0o555);
    const r = asNobody(join(dir, 'rodir'), ['lint', '--fix', 'Dockerfile']);
    chmodSync(join(dir, 'rodir'), 0o755);
    if (!readable(r)) return;
    expect(readFileSync(p, 'utf8')).toBe(FIXABLE);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write.*nothing written/);
    expect(r.stderr).not.toMatch(/^Fixed [1-9]/m);
  });

  it("an unreadable .dockerignore of the user's is left as it is", () => {
    chmodSync(dir, 0o755);
    write('locked-ignore/Dockerfile', 'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["python", "main.py"]\n');
    write('locked-ignore/.env', 'X=1\n');
    const ig = write('locked-ignore/.dockerignore', 'secrets/\n*.pem\n');
    for (const f of ['', 'Dockerfile', '.env', '.dockerignore']) spawnSync('chown', ['65534:65534', join(dir, 'locked-ignore', f)]);
    chmodSync(ig, 0o000);
    const r = asNobody(join(dir, 'locked-ignore'), ['lint', '--unsafe-fixes', 'Dockerfile']);
    chmodSync(ig, 0o644);
    if (!readable(r)) return;
    expect(readFileSync(ig, 'utf8')).toBe('secrets/\n*.pem\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.dockerignore: exists but cannot be read/);
  });
});

describe('output and small input problems', () => {
  it('--diff with a machine format on stdout: the report stays valid, the diff goes to stderr', async () => {
    write('diffjson/Dockerfile', 'FROM busybox:1.36.1\nMAINTAINER ops@example.com\nUSER 1000\nCMD ["true"]\n');
    const r = await runShipshape(['lint', '--diff', '-f', 'json', 'diffjson/Dockerfile'], dir);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toContain('+LABEL org.opencontainers.image.authors');
    const tty = await runShipshape(['lint', '--diff', 'diffjson/Dockerfile'], dir);
    expect(tty.stdout).toContain('+LABEL org.opencontainers.image.authors');
  });
  it('control characters in a file name are escaped on stderr', async () => {
    const r = await runShipshape(['lint', 'no\x1b[2Jsuch\nshipshape: fake message'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).toContain('no\\x1b[2Jsuch\\x0ashipshape: fake message: no such file');
  });
  it('`rules --format nope` is a usage error', async () => {
    const r = await runShipshape(['rules', '--format', 'nope'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
  });
  it('standard input that is a directory is an error, not an empty Dockerfile', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" lint - < "${dir}"`], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/-: is a directory/);
  });
  it('a full disk or a closed standard output: a clear message and exit 2, no stack trace', () => {
    write('out/Dockerfile', 'FROM busybox:1.36.1\nENV DEBUG=1\n');
    const full = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" lint -f json out/Dockerfile > /dev/full`], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/cannot write to standard output: no space left on device/);
    expect(full.stderr).not.toMatch(/\n\s+at /);
    const closed = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" lint -f json out/Dockerfile >&-`], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(closed.status).toBe(2);
    expect(closed.stderr).toMatch(/cannot write to standard output/);
  });
  it('200,000 exec-form elements or arguments of one command do not overflow the stack', () => {
    const many = Array.from({ length: 200_000 }, () => '"a"').join(', ');
    write('wide/Dockerfile', `FROM busybox:1.36.1\nRUN [${many}]\nCMD [${many}]\nRUN pip install ${'a '.repeat(200_000)}\nUSER 1000\n`);
    const r = spawnSync(process.execPath, [bin, 'lint', '-f', 'json', 'Dockerfile'], { cwd: join(dir, 'wide'), encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28, env: { PATH: '/nonexistent', HOME: dir } });
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error/);
    expect(r.status).toBe(1);
  });
  // Known ids (DL3000–DL3067, retired ones included): unknown ids are an error since issue 16.
  it('a config with 200,000 ignored rules does not overflow the stack', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `  - DL${3000 + (i % 68)}`).join('\n');
    write('bigcfg/.hadolint.yaml', `ignored:\n${ids}\n`);
    write('bigcfg/Dockerfile', 'FROM busybox:1.36.1\nUSER 1000\nCMD ["true"]\n');
    const r = spawnSync(process.execPath, [bin, 'lint', '-f', 'json', 'Dockerfile'], { cwd: join(dir, 'bigcfg'), encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: dir } });
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error/);
    expect(r.status).toBe(0);
  });
});

describe('a build context larger than the listing limit', () => {
  it('is reported once, not silently cut (limit lowered with SHIPSHAPE_CONTEXT_LIMIT to keep the test small)', async () => {
    const big = join(dir, 'bigctx');
    mkdirSync(join(big, 'files'), { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(big, 'files', `f${i}`), '');
    writeFileSync(join(big, 'Dockerfile'), 'FROM busybox:1.36.1\nCOPY . /app\nUSER 1000\n');
    writeFileSync(join(big, 'Dockerfile.dev'), 'FROM busybox:1.36.1\nCOPY . /app\nUSER 1000\n');
    const env = { HOME: dir, SHIPSHAPE_CONTEXT_LIMIT: '20' };
    const r = await runShipshape(['lint', '-f', 'json', 'bigctx/Dockerfile', 'bigctx/Dockerfile.dev'], dir, { env });
    expect(r.stderr.match(/more than 20 files/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/build context bigctx has more than 20 files: context rules saw only the first 20/);
    const fix = await runShipshape(['lint', '--diff', 'bigctx/Dockerfile'], dir, { env });
    expect(fix.stderr).toMatch(/more than 20 files/);
    const under = await runShipshape(['lint', '-f', 'json', 'bigctx/Dockerfile'], dir, { env: { HOME: dir, SHIPSHAPE_CONTEXT_LIMIT: '100' } });
    expect(under.stderr).not.toMatch(/more than/);
  });
});

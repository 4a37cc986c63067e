/**
 * Rule ids users write (issue 16): unknown ids on the command line and in configuration are an error
 * (exit 2) naming the closest id; in pragmas a finding; hadolint's retired ids stay known. Also
 * `--no-config`, the configuration note in tty mode, and `lint --help` listing the formats.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runShipshape } from '../helpers/cli.js';
import { closestRuleId, knownRuleIds } from '../../src/engine/rule-ids.js';
import { RULES } from '../../src/rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DF = 'FROM busybox:1.36.1\nENV DEBUG=1\nUSER 1000\nCMD ["true"]\n';
writeFileSync(join(dir, 'Dockerfile'), DF);
mkdirSync(join(dir, 'withconf'));
writeFileSync(join(dir, 'withconf', 'Dockerfile'), DF);

describe('unknown rule ids are an error (exit 2) with the closest id', () => {
  for (const [args, message] of [
    [['--fix-rule', 'NOPE'], "shipshape: unknown rule id 'NOPE' in --fix-rule; `shipshape rules` lists them\n"],
    [['--ignore', 'DL3O08'], "shipshape: unknown rule id 'DL3O08' in --ignore (did you mean 'DL3008'?); `shipshape rules` lists them\n"],
    [['--error', 'jsonargsrecommended'], "shipshape: unknown rule id 'jsonargsrecommended' in --error (did you mean 'JSONArgsRecommended'?); `shipshape rules` lists them\n"],
    [['--style', 'no-debug-mod'], "shipshape: unknown rule id 'no-debug-mod' in --style (did you mean 'no-debug-mode'?); `shipshape rules` lists them\n"],
  ] as const) {
    it(args.join(' '), async () => {
      const r = await runShipshape(['lint', ...args, 'Dockerfile'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    });
  }
  it('in .hadolint.yaml ignored: and override:', async () => {
    writeFileSync(join(dir, 'withconf', '.hadolint.yaml'), 'ignored: [DL3008, require-non-root-usr]\n');
    let r = await runShipshape(['lint', 'Dockerfile'], join(dir, 'withconf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipshape: unknown rule id 'require-non-root-usr' in .*\.hadolint\.yaml \(ignored:\) \(did you mean 'require-non-root-user'\?\)/);
    writeFileSync(join(dir, 'withconf', '.hadolint.yaml'), 'override:\n  error: [DL3OO1]\n');
    r = await runShipshape(['lint', 'Dockerfile'], join(dir, 'withconf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule id 'DL3OO1' in .*\(override: error:\) \(did you mean 'DL3001'\?\)/);
  });
  it('in HADOLINT_IGNORE', async () => {
    const r = await runShipshape(['lint', 'Dockerfile'], dir, { env: { ...process.env, HADOLINT_IGNORE: 'DL3008,DL9999' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule id 'DL9999' in HADOLINT_IGNORE/);
  });
  it("hadolint's retired ids, ShellCheck codes and aliases stay known", async () => {
    writeFileSync(join(dir, 'withconf', '.hadolint.yaml'), 'ignored: [DL3005, DL3017, DL3031, DL3039, DL4002, SC2086, MaintainerDeprecated]\n');
    const r = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], join(dir, 'withconf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { code: string }[]).map((f) => f.code)).toEqual(['no-debug-mode']);
  });
  it('closest id: case-insensitive edit distance, nothing when far', () => {
    const known = knownRuleIds(RULES);
    expect(closestRuleId('dl3008', known)).toBe('DL3008');
    expect(closestRuleId('completely-different-thing', known)).toBeNull();
  });
});

describe('pragmas', () => {
  it('an unknown id in a pragma is a finding at the pragma', async () => {
    writeFileSync(join(dir, 'Pragma.Dockerfile'), 'FROM busybox:1.36.1\n# hadolint ignore=DL3O18,no-debug-mode\nENV DEBUG=1\nUSER 1000\nCMD ["true"]\n');
    const r = await runShipshape(['lint', '-f', 'json', 'Pragma.Dockerfile'], dir);
    const found = JSON.parse(r.stdout) as { code: string; line: number; message: string }[];
    expect(found.map((f) => `${f.line} ${f.code}`)).toEqual(['2 unknown-rule-id']);
    expect(found[0].message).toBe('`# hadolint ignore=` names `DL3O18`, which is no rule, so it ignores nothing: did you mean `DL3018`?');
  });
});

describe('configuration file', () => {
  it('tty mode says which .hadolint.yaml is used; --no-config lints without it', async () => {
    writeFileSync(join(dir, 'withconf', '.hadolint.yaml'), 'ignored: [no-debug-mode]\n');
    let r = await runShipshape(['lint', 'Dockerfile'], join(dir, 'withconf'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('shipshape: using configuration .hadolint.yaml (--no-config to lint without it)\n');
    r = await runShipshape(['lint', '-f', 'json', 'Dockerfile'], join(dir, 'withconf'));
    expect(r.stderr).toBe('');
    r = await runShipshape(['lint', '--no-config', '-f', 'json', 'Dockerfile'], join(dir, 'withconf'));
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { code: string }[]).map((f) => f.code)).toEqual(['no-debug-mode']);
  });
});

describe('help', () => {
  it('lint --help lists the formats', async () => {
    const r = await runShipshape(['lint', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('output format, repeatable: tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, junit, github, markdown (default: tty)');
    expect(r.stdout).toContain('--no-config');
  });
  it('rules --format yaml is refused', async () => {
    const r = await runShipshape(['rules', '--format', 'yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/yaml/);
  });
});

const write = (rel: string, text: string): void => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

describe('findings the engine reports itself', () => {
  it('rules lists them last (text and json), and each has a section in docs/engine-findings.md', async () => {
    const text = await runShipshape(['rules'], dir);
    const json = JSON.parse((await runShipshape(['rules', '--format', 'json'], dir)).stdout) as { id: string; origin: string }[];
    const doc = readFileSync(join(__dirname, '../../docs/engine-findings.md'), 'utf8');
    for (const id of ['DL1000', 'file-encoding', 'unknown-rule-id', 'shellcheck-skipped']) {
      expect(text.stdout).toMatch(new RegExp(`^${id} +\\w+ +.*\\(reported by the engine: docs/engine-findings.md\\)$`, 'm'));
      expect(json.find((r) => r.id === id)?.origin).toBe('engine');
      expect(doc).toContain(`## ${id.toLowerCase()}\n`);
    }
  });
  it('their findings link to their section', async () => {
    write('engine/Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL3O08\nRUN true\nFOO bar\n');
    const broken = JSON.parse((await runShipshape(['lint', '-f', 'json', 'engine/Dockerfile'], dir)).stdout) as { code: string; url?: string }[];
    expect(broken.find((f) => f.code === 'DL1000')?.url).toBe('https://github.com/shipshape-dev/shipshape/blob/main/docs/engine-findings.md#dl1000');
    write('engine2/Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL3O08\nRUN true\n');
    const typo = JSON.parse((await runShipshape(['lint', '-f', 'json', 'engine2/Dockerfile'], dir)).stdout) as { code: string; url?: string }[];
    expect(typo.find((f) => f.code === 'unknown-rule-id')?.url).toBe('https://github.com/shipshape-dev/shipshape/blob/main/docs/engine-findings.md#unknown-rule-id');
  });
});

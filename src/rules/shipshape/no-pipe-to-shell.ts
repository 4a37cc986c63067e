import { defineRule } from '../define.js';
import type { ShellWord } from '../../shell/types.js';
import { effectiveCommand, type EffectiveCommand } from '../../shell/wrappers.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'fish']);
const INTERPRETERS = /^(python[\d.]*|perl[\d.]*|ruby[\d.]*|node|nodejs|php[\d.]*|pwsh)$/;
const EXEC_PIPE = /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+(-\S+\s+)*)?(\/\S*\/)?(sh|bash|dash|ash|zsh)\b(?!\s+-c)/;
const DOWNLOAD_IN_SUBST = /^(?:<\(|\$\(|`)\s*(?:sudo\s+(?:-\S+\s+)*)?(curl|wget)\b/;

/** True when a curl/wget command writes the download to standard output. */
function downloadsToStdout(eff: EffectiveCommand): boolean {
  const args = eff.args;
  const values = args.map((a) => a.value);
  if (eff.name === 'curl') {
    for (const f of eff.flags) {
      if (f.name === 'O' || f.name === 'remote-name' || f.name === 'remote-name-all') return false;
      if (f.name === 'o' || f.name === 'output') {
        const word = args[f.argIndex];
        const target = f.inlineValue ?? (word.value.endsWith('o') || f.name === 'output' ? values[f.argIndex + 1] : word.value.slice(word.value.indexOf('o') + 1));
        if (target !== '-' && target !== '/dev/stdout') return false;
      }
    }
    return true;
  }
  if (eff.name === 'wget') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (/^-[a-zA-Z]*O(-|\/dev\/stdout)$/.test(v) || v === '--output-document=-' || v === '--output-document=/dev/stdout') return true;
      if ((/^-[a-zA-Z]*O$/.test(v) || v === '--output-document') && (values[i + 1] === '-' || values[i + 1] === '/dev/stdout')) return true;
    }
    return false;
  }
  return false;
}

/** True when a command runs code read from its standard input. */
function runsStdin(eff: EffectiveCommand): boolean {
  const values = eff.args.map((a) => a.value);
  if (SHELLS.has(eff.name)) return !eff.flags.some((f) => f.name === 'c');
  if (INTERPRETERS.test(eff.name)) {
    if (values.some((v) => /^-[a-zA-Z]*[cemrE]$/.test(v) || v === '--eval' || v === '--command')) return false;
    const first = values.find((v) => !v.startsWith('-') || v === '-');
    return first === undefined || first === '-';
  }
  return false;
}

/** A word that runs a download: `<(curl ...)`, `"$(curl ...)"`. */
function substitutedDownload(words: ShellWord[]): ShellWord | null {
  return words.find((w) => DOWNLOAD_IN_SUBST.test(w.raw.replace(/^["']/, '')) || DOWNLOAD_IN_SUBST.test(w.value)) ?? null;
}

/** `curl ... | sh`: a downloaded script run without being checked. */
export default defineRule({
  id: 'no-pipe-to-shell',
  severity: 'warning',
  summary: 'A download is piped straight into a shell',
  origin: 'shipshape',
  category: 'security',
  fix: 'none',
  docs: {
    description:
      'Reports RUN pipelines (also `ONBUILD RUN`, heredoc RUN) where `curl` or `wget` writes a download to standard output and a later command of the same pipeline runs it: a shell (`sh`, `bash`, `dash`, `zsh`, ...) without `-c`, or an interpreter reading its program from standard input (`python3`, `python3 -`, `perl`, `ruby`, `node`, `php`), also behind `sudo` or `env` (`| sudo -E bash -`). Also reports a shell or `eval`/`source` running a download through substitution: `bash <(curl ...)`, `sh -c "$(curl ...)"`, `eval "$(wget -qO- ...)"`. A curl that writes to a file (`-o`, `-O`) or a wget without `-O -` is not a download to standard output; a pipe into another program (`| tar xz`, `| sha256sum -c`) is not reported.',
    why: 'The script runs as it arrives: nothing checks that it is the script you reviewed, a truncated download runs half a script, and whoever controls the server (or its CDN, or the DNS) runs code in your build. Download to a file, check its published checksum or signature, then run it; better, install the tool from a package or pin the installer\'s version.',
    bad: 'FROM alpine:3.20\nRUN curl -fsSL https://get.example.com/install.sh | sh\n',
    good: 'FROM alpine:3.20\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/install-1.4.2.sh \\\n && echo "6c1f4f27a4a3f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh\n',
  },
  check(ctx) {
    for (const { run, reportOn: owner, commands, script } of ctx.runs()) {
      // Exec form `["sh", "-c", "curl ... | sh"]`: the shell model keeps the argv, so read the script text.
      const json = run.json;
      if (json && json.length >= 3 && SHELLS.has(json[0].replace(/^.*\//, '')) && json[1] === '-c' && EXEC_PIPE.test(json[2])) {
        ctx.report({
          instruction: owner,
          range: run.words[2]?.range ?? run.range,
          message: 'The script pipes a download into a shell, which runs it without checking it: download it to a file, verify its checksum (sha256sum -c), then run it',
        });
        continue;
      }
      const reported = new Set<number>();
      for (const pipeline of script?.pipelines ?? []) {
        const effs = pipeline.map((c) => effectiveCommand(c));
        const from = effs.findIndex((e) => (e.name === 'curl' || e.name === 'wget') && downloadsToStdout(e));
        if (from < 0) continue;
        const to = effs.findIndex((e, i) => i > from && runsStdin(e));
        if (to < 0) continue;
        const dl = effs[from];
        const sh = effs[to];
        reported.add(sh.command.range.start.offset);
        ctx.report({
          instruction: owner,
          range: { start: dl.command.range.start, end: sh.nameWord.range.end },
          message: `\`${dl.name} ... | ${sh.command.name === sh.name ? '' : sh.command.name + ' '}${sh.name}\` runs a downloaded script without checking it: download it to a file, verify its checksum (sha256sum -c), then run it`,
        });
      }
      for (const cmd of commands) {
        const eff = effectiveCommand(cmd);
        const isRunner = SHELLS.has(eff.name) || eff.name === 'eval' || eff.name === 'source' || eff.name === '.' || INTERPRETERS.test(eff.name);
        if (!isRunner || reported.has(cmd.range.start.offset)) continue;
        const word = substitutedDownload(eff.args);
        if (!word) continue;
        const tool = DOWNLOAD_IN_SUBST.exec(word.raw.replace(/^["']/, ''))?.[1] ?? DOWNLOAD_IN_SUBST.exec(word.value)?.[1] ?? 'curl';
        ctx.report({
          instruction: owner,
          range: { start: eff.nameWord.range.start, end: word.range.end },
          message: `\`${eff.name}\` runs the output of \`${tool}\` without checking it: download the script to a file, verify its checksum (sha256sum -c), then run it`,
        });
      }
    }
  },
});

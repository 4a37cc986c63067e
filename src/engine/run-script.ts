/**
 * What the shell runs for a RUN instruction, and which shell that is.
 *
 * BuildKit semantics (dockerfile2llb `dispatchRun`): a shell-form RUN runs `SHELL ... <args>` (default
 * `/bin/sh -c`) with the joined argument text. With heredocs, a command that is only `<<EOF` runs the
 * body as the script (a `#!` first line picks the interpreter); otherwise the full text, the heredoc
 * bodies included, is handed to the shell, which feeds each body to its command.
 */
import type { Dockerfile, Heredoc, Instruction, MappedText, SourceSegment, Stage } from '../parse/types.js';
import { parsePragma } from './pragmas.js';

/** The shell in effect for an instruction. */
export interface ShellChoice {
  /** Shell program as written (`/bin/sh`, `pwsh`, `cmd`), or the pragma's name. */
  name: string;
  /** False for PowerShell and cmd: shell analysis is switched off. */
  posix: boolean;
}

const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;
const POSIX_SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|dash|ash|zsh|ksh|mksh|busybox sh)$/;

/** True when a shell name (`/bin/bash`, `pwsh`, `cmd.exe`) is not a POSIX shell. */
function isNonPosixShell(name: string): boolean {
  return NON_POSIX.test(name.trim());
}

/** Base images whose default shell is `cmd` (Windows containers). */
function isWindowsImage(stage: Stage): boolean {
  if (stage.base.kind !== 'image') return false;
  const img = stage.base.image;
  const repo = `${img.registry ?? ''}/${img.repository}`.toLowerCase();
  return /mcr\.microsoft\.com\/(windows|powershell:.*(nanoserver|windowsservercore))|\/windows\/|servercore|nanoserver/.test(repo + ':' + (img.tag ?? ''))
    || /windowsservercore|nanoserver|ltsc20\d\d/.test((img.tag ?? '').toLowerCase());
}

/**
 * Returns, for a stage, a function giving the shell in effect at each of its instructions: the last
 * `SHELL` instruction or `# hadolint shell=` / `# shipshape shell=` pragma before it in the stage, else the
 * parent stage's shell (`FROM <stage>`), else the shell of a pragma above every FROM/ARG/ENV/SHELL, else
 * `/bin/sh` (or `cmd` for Windows base images).
 */
export function shellOfStage(file: Dockerfile, stage: Stage): (instr: Instruction) => ShellChoice {
  return shellTimeline(file, stage, new Set());
}

function shellTimeline(file: Dockerfile, stage: Stage, seen: Set<number>): (instr: Instruction | null) => ShellChoice {
  const initial = initialShell(file, stage, seen);
  const changes: { line: number; shell: ShellChoice }[] = [];
  for (const instr of stage.instructions) {
    if (instr.keyword === 'SHELL' && instr.json && instr.json.length > 0) {
      changes.push({ line: instr.line, shell: { name: instr.json[0], posix: !isNonPosixShell(instr.json[0]) } });
    }
  }
  const end = stageEndLine(file, stage);
  for (const c of file.comments) {
    if (c.range.start.line <= stage.from.line || c.range.start.line > end) continue;
    const p = parsePragma(c);
    if (p && p.kind === 'shell') changes.push({ line: c.range.start.line, shell: { name: p.shell, posix: !isNonPosixShell(p.shell) } });
  }
  changes.sort((a, b) => a.line - b.line);
  // null: the shell at the end of the stage (what a stage derived from it starts with).
  return (instr) => {
    let current = initial;
    for (const c of changes) if (instr === null || c.line < instr.line) current = c.shell;
    return current;
  };
}

function stageEndLine(file: Dockerfile, stage: Stage): number {
  const next = file.stages[stage.index + 1];
  return next ? next.from.line - 1 : Number.MAX_SAFE_INTEGER;
}

function initialShell(file: Dockerfile, stage: Stage, seen: Set<number>): ShellChoice {
  if (stage.base.kind === 'stage' && !seen.has(stage.base.stage)) {
    seen.add(stage.index);
    const parent = file.stages[stage.base.stage];
    // The parent's shell at its end: its last SHELL or shell pragma, else what it inherited.
    if (parent) return shellTimeline(file, parent, seen)(null);
  }
  const global = globalShellPragma(file);
  if (global) return global;
  if (isWindowsImage(stage)) return { name: 'cmd', posix: false };
  return { name: '/bin/sh', posix: true };
}

/**
 * A `# hadolint shell=` pragma written before any FROM, ARG, ENV or SHELL sets the default shell of
 * every stage (hadolint); the last such pragma wins.
 */
function globalShellPragma(file: Dockerfile): ShellChoice | null {
  const first = file.instructions.find((i) => ['FROM', 'ARG', 'ENV', 'SHELL'].includes(i.keyword));
  const limit = first ? first.line : Number.MAX_SAFE_INTEGER;
  let found: ShellChoice | null = null;
  for (const c of file.comments) {
    if (c.range.start.line >= limit) break;
    const p = parsePragma(c);
    if (p && p.kind === 'shell') found = { name: p.shell, posix: !isNonPosixShell(p.shell) };
  }
  return found;
}

/**
 * The script text the shell parses for a shell-form RUN, mapped to the Dockerfile; null when the
 * script is run by a non-shell interpreter (a heredoc with a `#!/usr/bin/env python3` line).
 */
export function buildRunScript(file: Dockerfile, instr: Instruction): MappedText | null {
  const line = instr.argsAfterFlags;
  if (instr.heredocs.length === 0) return line;
  const rest = stripHeredocMarkers(line.text).trim();
  const first = instr.heredocs[0];
  if (instr.heredocs.length === 1 && (rest === '' || isShellInvocation(rest))) {
    const body = heredocBody(file, first);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body.text);
    if (shebang) {
      const prog = shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1];
      if (!POSIX_SHELLS.test(prog.replace(/^.*\//, ''))) return null;
    }
    return body;
  }
  // General case: the command line followed by the bodies; the shell treats them as here-documents.
  const parts: MappedText[] = [line, synthetic('\n')];
  for (const h of instr.heredocs) {
    parts.push(heredocBody(file, h), synthetic(h.name + '\n'));
  }
  return concat(parts);
}

function stripHeredocMarkers(text: string): string {
  return text.replace(/(^|\s)\d*<<-?\s*("[^"]*"|'[^']*'|[^\s<>|;&]+)/g, ' ');
}

function isShellInvocation(text: string): boolean {
  const words = text.split(/\s+/);
  if (!POSIX_SHELLS.test(words[0]) && !POSIX_SHELLS.test(words[0].replace(/^.*\//, ''))) return false;
  return words.slice(1).every((w) => /^-[a-z]+$/i.test(w) || w === '-o' || w === 'pipefail' || w === '-s');
}

/** A heredoc's body as a mapped text: each body line maps to its source line. */
function heredocBody(file: Dockerfile, h: Heredoc): MappedText {
  const segments: SourceSegment[] = [];
  let from = 0;
  let srcLine = h.contentRange.start.line;
  const lines = h.content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (i === lines.length - 1 && l === '') break;
    const source = file.lineStarts[srcLine - 1] ?? 0;
    if (l.length > 0) segments.push({ from, source, length: l.length });
    from += l.length + 1;
    srcLine++;
  }
  return { text: h.content, segments };
}

function synthetic(text: string): MappedText {
  return { text, segments: [] };
}

/** Concatenates mapped texts, shifting their segments. */
function concat(parts: MappedText[]): MappedText {
  let text = '';
  const segments: SourceSegment[] = [];
  for (const p of parts) {
    for (const s of p.segments) segments.push({ from: s.from + text.length, source: s.source, length: s.length });
    text += p.text;
  }
  return { text, segments };
}

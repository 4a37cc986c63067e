/**
 * Settings a build makes, as the security rules (no-insecure-transport, no-unsigned-packages…) look for
 * them: variables set by ENV, ARG defaults and shell assignments in RUN, and the text a command writes
 * into configuration (`sed` replacements); and reporting each place once.
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { RuleContext } from '../../engine/types.js';
import type { Instruction, Range } from '../../parse/types.js';
import type { ShellWord } from '../../shell/types.js';
import { effectiveCommand, type EffectiveCommand } from '../../shell/wrappers.js';
import { withOnbuild } from './hadolint.js';

/** A variable set in the image or the build: ENV pair, ARG default, or a shell assignment in RUN. */
interface VariableSetting {
  name: string;
  /** Value after quote removal; null for `ARG NAME` without default. */
  value: string | null;
  /** True when the value contains a variable reference or command substitution. */
  dynamic: boolean;
  /** Where to report: the pair or the assignment. */
  range: Range;
  /** The instruction findings belong to. */
  owner: Instruction;
  /** Where it was set. */
  via: 'ENV' | 'ARG' | 'RUN';
}

const EXPORTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

/**
 * Every variable setting of the file: ENV pairs and ARG defaults (also inside ONBUILD, global ARGs
 * included), assignments before RUN commands (`X=1 cmd`), `env X=1 cmd` and `export X=1`.
 */
export function* variableSettings(ctx: RuleContext): Generator<VariableSetting> {
  for (const { instr, wrapper } of withOnbuild(ctx.file, true)) {
    const owner = wrapper ?? instr;
    if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
      for (const pair of instr.pairs) {
        const value = pair.value;
        yield { name: pair.key, value, dynamic: value !== null && /\$/.test(pair.rawValue ?? ''), range: pair.range, owner, via: instr.keyword };
      }
    } else if (instr.keyword === 'RUN') {
      for (const cmd of ctx.commands(instr)) {
        const eff = effectiveCommand(cmd);
        for (const a of eff.assignments) yield { name: a.name, value: a.value, dynamic: /\$/.test(a.value), range: a.range, owner, via: 'RUN' };
        if (EXPORTERS.has(cmd.name)) {
          for (const w of cmd.args) {
            const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
            if (m) yield { name: m[1], value: m[2], dynamic: w.dynamic, range: w.range, owner, via: 'RUN' };
          }
        }
      }
    }
  }
}

/**
 * The text each argument writes, for settings checks: the value itself, except for `sed` substitution
 * scripts, where only the replacement is written (`s/sslverify=0/sslverify=1/` writes `sslverify=1`).
 */
export function writtenTexts(eff: EffectiveCommand): { word: ShellWord; text: string }[] {
  return eff.args.map((word) => {
    if (eff.name === 'sed' || eff.name === 'perl') {
      const m = /^(?:[^s]*;)?s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1/.exec(word.value.replace(/^-[a-z]*e\s*/, ''));
      if (m) return { word, text: m[3] };
    }
    return { word, text: word.value };
  });
}

/** A place and a message found by a security rule. */
export interface Hit {
  range: Range;
  message: string;
}

/**
 * A report function that reports each place once: several readings of the same command (a flag and
 * the configuration text it writes) can find the same span.
 */
export function reportOncePerPlace(ctx: RuleContext): (owner: Instruction, hit: Hit) => void {
  const reported = new Set<number>();
  return (owner, hit) => {
    if (reported.has(hit.range.start.offset)) return;
    reported.add(hit.range.start.offset);
    ctx.report({ instruction: owner, range: hit.range, message: hit.message });
  };
}

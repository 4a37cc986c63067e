/** The edit builder (src/fix/edit.ts): Dockerfile-level edits, applied as the fixer applies them. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import { EditBuilder } from '../../src/fix/edit.js';
import { applyEdits } from '../../src/fix/apply.js';
import { parseShell } from '../../src/shell/parse.js';
import { loadShellParser } from '../../src/shell/grammar.js';
import { buildRunScript } from '../../src/engine/run-script.js';

function edit(text: string, build: (e: EditBuilder, at: (line: number) => ReturnType<typeof parse>['instructions'][number]) => unknown): string {
  const file = parse(text);
  const e = new EditBuilder(file);
  build(e, (line) => file.instructions.find((i) => i.line === line)!);
  return applyEdits(text, e.edits).text;
}

describe('EditBuilder', () => {
  it('inserts lines above the comment block, indented like the instruction, with the file\'s line ending', () => {
    expect(edit('FROM a\n# the app\n  RUN make\n', (e, at) => e.insertLinesBefore(at(3), ['WORKDIR /app', 'USER app']))).toBe('FROM a\n  WORKDIR /app\n  USER app\n# the app\n  RUN make\n');
    expect(edit('FROM a\r\nRUN make\r\n', (e, at) => e.insertLinesBefore(at(2), 'WORKDIR /app'))).toBe('FROM a\r\nWORKDIR /app\r\nRUN make\r\n');
  });

  it('removes and moves whole instructions with their comments', () => {
    expect(edit('FROM a\nRUN x \\\n  y\nCMD z\n', (e, at) => e.removeInstruction(at(2)))).toBe('FROM a\nCMD z\n');
  });

  it('moves an instruction up with its comments, the blank lines between and lines to insert first', () => {
    // The file keeps ending without a line break.
    expect(edit('FROM a\nCOPY . .\n# deps\nRUN pip install x', (e, at) => e.moveInstruction(at(4), at(2)))).toBe('FROM a\n# deps\nRUN pip install x\nCOPY . .');
    // BuildKit's comment block of the target (blank lines inside it) stays with it; lead lines are indented like it.
    expect(edit('FROM a\n  # src\n\n  # all\n  COPY . .\n\n# deps\r\nRUN pip install x\nCMD y\n', (e, at) => e.moveInstruction(at(8), at(5), ['COPY req.txt .']))).toBe(
      'FROM a\n  COPY req.txt .\n# deps\r\nRUN pip install x\n\n  # src\n\n  # all\n  COPY . .\nCMD y\n',
    );
    // Over several instructions: the ones between stay where they are.
    expect(edit('FROM a\nCOPY . .\nENV X=1\nRUN make\n', (e, at) => e.moveInstruction(at(4), at(2)))).toBe('FROM a\nRUN make\nCOPY . .\nENV X=1\n');
  });

  it('replaces the arguments up to their last character and sees comment lines among them', () => {
    expect(edit('FROM a\nCMD node  x  \nEXPOSE 1\n', (e, at) => e.replaceArguments(at(2), '["node", "x"]'))).toBe('FROM a\nCMD ["node", "x"]  \nEXPOSE 1\n');
    const file = parse('FROM a\nCMD node \\\n# port\n  x\nCMD \\\n# before\n  node y\n');
    const e = new EditBuilder(file);
    expect(e.commentsInArguments(file.instructions[1])).toBe(true);
    expect(e.commentsInArguments(file.instructions[2])).toBe(false);
  });

  it('joins a RUN onto the previous one, carrying comment lines but not pragmas', async () => {
    await loadShellParser();
    const join = (text: string): { out: string; joined: { comments: number } | null } => {
      const file = parse(text);
      const runs = file.instructions.filter((i) => i.keyword === 'RUN');
      const s = parseShell(buildRunScript(file, runs[0])!, { text: file.text, lineStarts: file.lineStarts });
      const e = new EditBuilder(file);
      const joined = e.joinRun(s.commands[0], runs[1]);
      return { out: applyEdits(text, e.edits).text, joined };
    };
    expect(join('FROM a\nRUN a  \n\nRUN --network=none b \\\n  --x\n')).toEqual({ out: 'FROM a\nRUN a && \\\n  b \\\n  --x\n', joined: { comments: 0 } });
    expect(join('FROM a\r\nRUN a\r\n# then\r\nRUN b\r\n')).toEqual({ out: 'FROM a\r\nRUN a && \\\r\n    # then\r\n    b\r\n', joined: { comments: 1 } });
    expect(join('FROM a\nRUN a\n# hadolint ignore=DL3008\nRUN b\n')).toEqual({ out: 'FROM a\nRUN a\n# hadolint ignore=DL3008\nRUN b\n', joined: null });
  });

  it('appends a command only where && keeps the meaning', async () => {
    await loadShellParser();
    const text = 'FROM a\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y x || true\n';
    const file = parse(text);
    const scriptOf = (i: number) => parseShell(buildRunScript(file, file.instructions[i])!, { text: file.text, lineStarts: file.lineStarts });
    const ok = new EditBuilder(file);
    const s1 = scriptOf(1);
    expect(ok.appendCommand(file.instructions[1], s1, s1.commands[1], 'rm -rf /var/lib/apt/lists/*')).toBe(true);
    expect(applyEdits(text, ok.edits).text).toContain('apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
    const no = new EditBuilder(file);
    const s2 = scriptOf(2);
    expect(no.appendCommand(file.instructions[2], s2, s2.commands[0], 'rm -rf x')).toBe(false);
    expect(no.empty).toBe(true);
  });

  it('writes keywords in the file\'s casing and labels the fix', () => {
    const file = parse('from a\nrun x\n');
    const e = new EditBuilder(file).insertAfter(file.instructions[1], ' y');
    expect(e.keyword('USER')).toBe('user');
    expect(e.unsafe('add y')).toEqual({ applicability: 'unsafe', description: 'add y', edits: [{ start: 12, end: 12, text: ' y' }] });
  });
});

// BuildKit's own parser test suite (cases/buildkit-parser): every Dockerfile must render to exactly
// the syntax tree in its `result` file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/parser.js';
import { renderBuildkitTree } from '../../src/parse/render.js';
import { CASES_DIR, requireShared } from '../helpers/shared.js';

const suiteDir = join(CASES_DIR, 'buildkit-parser');
const present = requireShared('BuildKit parser suite (../shared/cases/buildkit-parser)');
const folders = present ? readdirSync(suiteDir).filter((d) => statSync(join(suiteDir, d)).isDirectory()).sort() : [];

if (present) describe('BuildKit parser suite', () => {
  it('has the 33 folders', () => {
    expect(folders.length).toBe(33);
  });
  for (const folder of folders) {
    it(folder, () => {
      const text = readFileSync(join(suiteDir, folder, 'Dockerfile'), 'utf8');
      const expected = readFileSync(join(suiteDir, folder, 'result'), 'utf8');
      const df = parse(text);
      expect(renderBuildkitTree(df)).toBe(expected);
    });
  }
});

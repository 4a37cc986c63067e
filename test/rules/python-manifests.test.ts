/**
 * src/rules/lib/python-manifests.ts: init's strict readers and the rules' tolerant readers read one
 * requirements file through the same logical lines (continuations joined, comments removed).
 */
import { describe, expect, it } from 'vitest';
import { collectRequirements, ProjectFileError, parsePyprojectToml, readPyproject, readRequirements } from '../../src/rules/lib/python-manifests.js';

const text = 'Django==5.0.7 \\\n    --hash=sha256:0a1b  # pinned\n# a comment line\nrequests>=2.31 ; python_version >= "3.8"\n-r base.txt\n';
const files: Record<string, string> = { 'requirements.txt': text, 'base.txt': 'celery[redis]\n' };

describe('requirements files', () => {
  it('reads the same entries for init and for the rules', () => {
    const collected = collectRequirements('requirements.txt', (p) => files[p] ?? null);
    expect(collected.files).toEqual(['requirements.txt', 'base.txt']);
    expect(collected.dependencies).toEqual([{ name: 'django', extras: [] }, { name: 'requests', extras: [] }, { name: 'celery', extras: ['redis'] }]);
    expect(collected.unpinned).toEqual(['requests>=2.31 ; python_version >= "3.8"', 'celery[redis]']);
    const pins = readRequirements(text);
    expect([...pins.pinned]).toEqual(['django']);
    expect(pins.includes).toEqual(['base.txt']);
    expect(pins.unpinned.map((u) => `${u.line}:${u.name}:${u.reason}`)).toEqual(['4:requests:range']);
  });

  it('is strict for init and tolerant for the rules', () => {
    expect(() => collectRequirements('requirements.txt', (p) => (p === 'requirements.txt' ? '-r missing.txt\n' : null))).toThrow(ProjectFileError);
    expect(readRequirements('-r missing.txt\n').includes).toEqual(['missing.txt']);
    const broken = '[project]\nname = "x"\ndependencies = ["flask"]\n[tool.poetry\n';
    expect(() => parsePyprojectToml(broken)).toThrow(/pyproject\.toml: not valid TOML/);
    expect(readPyproject(broken).dependencies).toEqual(['flask']);
  });
});

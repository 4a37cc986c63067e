/** The `sarif` format: SARIF 2.1.0, as hadolint writes it plus a `rules` array and relative URIs. */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { FileFinding, Severity } from '../engine/types.js';
import type { ReportInput } from './types.js';
import { allFindings, cwdOf, relativePath, spanOf, toJson } from './util.js';

/** SARIF result level of each severity (hadolint's mapping: info and style are notes). */
const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};

/** Base id the relative artifact URIs are resolved against (the working directory). */
const SARIF_SRCROOT = '%SRCROOT%';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/shipshape-dev/shipshape';

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const { path, outside } = relativePath(file, cwd);
  if (outside) return { uri: pathToFileURL(path).href };
  return { uri: encodePath(path), uriBaseId: SARIF_SRCROOT };
}

/**
 * A finding's fix as a SARIF fix: the Dockerfile edits as replacements addressed by `charOffset` and
 * `charLength` (UTF-16 code units, like the edits). Edits of other build-context files are left out
 * (their paths are relative to the build context, not to `cwd`). Null when there is nothing to show.
 */
function sarifFix(f: FileFinding, location: Sarif.ArtifactLocation): Sarif.Fix | null {
  if (!f.fix || f.fix.edits.length === 0) return null;
  return {
    description: { text: `${f.fix.description} (${f.fix.applicability})` },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: f.fix.edits.map((edit) => ({
          deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
          insertedContent: { text: edit.text },
        })),
      },
    ],
  };
}

function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Mirrors hadolint's `sarif` format (2.1.0): one run, results with `ruleId`, `level`, `message` and
 * one physical location (real start and end columns, end exclusive, UTF-16 code units; region
 * `sourceLanguage` `dockerfile`, or `sh` for ShellCheck `SC` codes). Unlike hadolint, the driver is
 * `shipshape` and lists the rules used (`rules`, sorted by id, with `helpUri`; results carry
 * `ruleIndex`), and artifact URIs are relative to `cwd` (`uriBaseId` `%SRCROOT%`, `/`-separated,
 * percent-encoded); files outside `cwd` get absolute `file:` URIs. Rules get `shortDescription` and
 * `defaultConfiguration.level` from `input.rules` when given. Findings with a fix of the Dockerfile
 * carry it as a SARIF `fixes` entry (replacements by character offset). Parse errors are `DL1000`
 * errors.
 */
export function formatSarif(input: ReportInput): string {
  const cwd = cwdOf(input);
  const findings = allFindings(input);

  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const firstUrl = new Map<string, string>();
  for (const f of findings) if (f.url && !firstUrl.has(f.ruleId)) firstUrl.set(f.ruleId, f.url);
  const rules: Sarif.ReportingDescriptor[] = ruleIds.map((id) => {
    const info = input.rules?.[id];
    const rule: Sarif.ReportingDescriptor = { id };
    if (info?.summary) rule.shortDescription = { text: info.summary };
    const helpUri = info?.url ?? firstUrl.get(id);
    if (helpUri) rule.helpUri = helpUri;
    if (info?.severity) rule.defaultConfiguration = { level: SARIF_LEVEL[info.severity] };
    return rule;
  });
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));

  const results: Sarif.Result[] = findings.map((f: FileFinding) => {
    const span = spanOf(f);
    const location = artifactLocation(f.file, cwd);
    const fix = sarifFix(f, location);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: {
              startLine: span.line,
              startColumn: span.column,
              endLine: span.endLine,
              endColumn: span.endColumn,
              sourceLanguage: f.ruleId.startsWith('SC') ? 'sh' : 'dockerfile',
            },
          },
        },
      ],
      ...(fix ? { fixes: [fix] } : {}),
    };
  });

  const log: Sarif.Log = {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            fullName: 'shipshape Dockerfile linter',
            informationUri: INFORMATION_URI,
            downloadUri: INFORMATION_URI,
            version: input.toolVersion,
            semanticVersion: /^\d+\.\d+\.\d+/.test(input.toolVersion) ? input.toolVersion : undefined,
            shortDescription: { text: 'Dockerfile and build-context linter, compatible with hadolint' },
            rules,
          },
        },
        originalUriBaseIds: { [SARIF_SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        defaultSourceLanguage: 'dockerfile',
        results,
      },
    ],
  };
  return toJson(log);
}

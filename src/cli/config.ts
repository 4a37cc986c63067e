/**
 * Where configuration comes from on the command line side: the `.hadolint.yaml` search, hadolint's
 * `HADOLINT_*` environment variables, and the merge with command-line flags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError, LABEL_TYPES, mergeConfig, SEVERITIES, THRESHOLDS, validateConfig, type ConfigLayer } from '../engine/config.js';
import type { FailureThreshold, LabelType, LintConfig } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import { isKnownRuleId, knownRuleIds, unknownRuleIdMessage } from '../engine/rule-ids.js';
import { IMAGE_RULES } from '../image/rules.js';
import { yamlErrorLine } from './input.js';

/** Config file names searched in the working directory, then in the user's config locations (hadolint's order). */
export function configSearchPaths(cwd: string, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? homedir();
  const xdg = env.XDG_CONFIG_HOME ?? join(home, '.config');
  return [
    join(cwd, '.hadolint.yaml'),
    join(cwd, '.hadolint.yml'),
    join(xdg, 'hadolint.yaml'),
    join(xdg, 'hadolint.yml'),
    join(home, '.hadolint', 'hadolint.yaml'),
    join(home, '.hadolint', 'hadolint.yml'),
    join(home, '.hadolint', 'config.yaml'),
    join(home, '.hadolint', 'config.yml'),
    join(home, '.hadolint.yaml'),
    join(home, '.hadolint.yml'),
  ];
}

/**
 * Reads and validates a config file.
 * @throws ConfigError when the file cannot be read, is not valid YAML, or has a bad value.
 */
export function readConfigFile(path: string): ConfigLayer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code ?? String(e);
    throw new ConfigError(`cannot read config file ${path}: ${why}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${path}: invalid YAML: ${yamlErrorLine(e, text)}`);
  }
  return validateConfig(data, path);
}

/** Finds the config file that applies: `-c FILE`, else the first existing file of the search path. */
export function findConfigFile(cwd: string, env: NodeJS.ProcessEnv, explicit?: string): string | null {
  if (explicit) return explicit;
  return configSearchPaths(cwd, env).find((p) => existsSync(p)) ?? null;
}

const TRUTHY = new Set(['1', 'y', 'on', 'true', 'yes']);
const FALSY = new Set(['0', 'n', 'off', 'false', 'no']);
const list = (v: string | undefined): string[] | undefined => (v === undefined || v === '' ? undefined : v.split(','));

/** A boolean variable: unset or empty is unset; otherwise one of TRUTHY/FALSY (any case), else ConfigError. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  if (TRUTHY.has(v.toLowerCase())) return true;
  if (FALSY.has(v.toLowerCase())) return false;
  throw new ConfigError(`${name}='${v}' is not a boolean: use 1/true/yes/on or 0/false/no/off`);
}

/**
 * The configuration layer of hadolint's environment variables (`HADOLINT_NOFAIL`,
 * `HADOLINT_FAILURE_THRESHOLD`, `HADOLINT_OVERRIDE_ERROR`, `HADOLINT_IGNORE`, ...).
 * @throws ConfigError for a failure threshold or boolean that is not one (hadolint skips such values
 *   silently; a typo in CI configuration should not change what fails the build)
 */
export function envLayer(env: NodeJS.ProcessEnv): ConfigLayer {
  const layer: ConfigLayer = {};
  const threshold = env.HADOLINT_FAILURE_THRESHOLD;
  if (threshold) {
    if (!THRESHOLDS.includes(threshold as FailureThreshold)) throw new ConfigError(`HADOLINT_FAILURE_THRESHOLD='${threshold}' is not one of ${THRESHOLDS.join(', ')}`);
    layer.failureThreshold = threshold as FailureThreshold;
  }
  layer.noFail = flag(env, 'HADOLINT_NOFAIL');
  layer.verbose = flag(env, 'HADOLINT_VERBOSE');
  layer.strictLabels = flag(env, 'HADOLINT_STRICT_LABELS');
  layer.disableIgnorePragma = flag(env, 'HADOLINT_DISABLE_IGNORE_PRAGMA');
  layer.ignored = list(env.HADOLINT_IGNORE);
  layer.trustedRegistries = list(env.HADOLINT_TRUSTED_REGISTRIES);
  layer.format = list(env.HADOLINT_FORMAT);
  const override: ConfigLayer['override'] = {};
  for (const s of SEVERITIES) {
    const ids = list(env[`HADOLINT_OVERRIDE_${s.toUpperCase()}`]);
    if (ids) override[s] = ids;
  }
  layer.override = override;
  const labels = list(env.HADOLINT_REQUIRE_LABELS);
  if (labels) layer.labelSchema = parseLabelSpecs(labels, false);
  if (env.NO_COLOR !== undefined) layer.noColor = true;
  return layer;
}

/**
 * Parses `NAME:TYPE` label requirements (`--require-label`); an empty type means `text`.
 * @param strict when true an invalid entry throws ConfigError, otherwise it is skipped.
 */
export function parseLabelSpecs(specs: string[], strict: boolean): Record<string, LabelType> {
  const out: Record<string, LabelType> = {};
  for (const spec of specs) {
    const i = spec.indexOf(':');
    const name = i < 0 ? spec : spec.slice(0, i);
    const type = (i < 0 ? '' : spec.slice(i + 1)) || 'text';
    if (!name || !LABEL_TYPES.includes(type as LabelType)) {
      if (strict) throw new ConfigError(`invalid label requirement '${spec}': expected NAME:TYPE with TYPE one of ${LABEL_TYPES.join(', ')}`);
      continue;
    }
    out[name] = type as LabelType;
  }
  return out;
}

/**
 * Refuses rule ids that name no rule in a layer's `ignored` and `override` lists (a typo would silently
 * ignore nothing). hadolint's retired ids stay accepted (src/engine/rule-ids.ts), and so do the ids of
 * `shipshape image`'s checks (src/image/checks.ts), which read the same configuration.
 * @throws ConfigError `unknown rule id 'X' in WHERE (did you mean 'Y'?)`
 */
export function checkRuleIds(layer: ConfigLayer, where: { ignored: string; override: (level: string) => string }): void {
  // One configuration file serves `lint` and `image`: the ids of both are known to both.
  const known = knownRuleIds([...RULES, ...IMAGE_RULES]);
  for (const id of layer.ignored ?? []) if (!isKnownRuleId(id, known)) throw new ConfigError(unknownRuleIdMessage(id, where.ignored, known));
  for (const [lvl, ids] of Object.entries(layer.override ?? {})) {
    for (const id of ids ?? []) if (!isKnownRuleId(id, known)) throw new ConfigError(unknownRuleIdMessage(id, where.override(lvl), known));
  }
}

/** The full configuration for a run, and where it came from. */
export interface ResolvedConfig {
  config: LintConfig;
  /** Config file used, or null. */
  file: string | null;
  noColor: boolean;
  formats: string[];
  verbose: boolean;
  /** Keys of the config file that are not configuration keys. */
  unknownKeys: string[];
}

/**
 * Resolves configuration with hadolint's precedence: defaults ← environment ← config file ← CLI.
 * @throws ConfigError for an unreadable or invalid config file.
 */
export function resolveConfig(cwd: string, env: NodeJS.ProcessEnv, cli: ConfigLayer, explicitFile?: string | null): ResolvedConfig {
  // null: `--no-config`, no file at all.
  const file = explicitFile === null ? null : findConfigFile(cwd, env, explicitFile);
  const fileLayer = file ? readConfigFile(file) : {};
  const environment = envLayer(env);
  checkRuleIds(environment, { ignored: 'HADOLINT_IGNORE', override: (lvl) => `HADOLINT_OVERRIDE_${lvl.toUpperCase()}` });
  if (file) checkRuleIds(fileLayer, { ignored: `${file} (ignored:)`, override: (lvl) => `${file} (override: ${lvl}:)` });
  checkRuleIds(cli, { ignored: '--ignore', override: (lvl) => `--${lvl}` });
  const layers = [environment, fileLayer, cli];
  const config = mergeConfig(layers);
  const last = <K extends keyof ConfigLayer>(k: K): ConfigLayer[K] | undefined => {
    let v: ConfigLayer[K] | undefined;
    for (const l of layers) if (l[k] !== undefined) v = l[k];
    return v;
  };
  // Formats come from one source, the highest that sets any (command line, then file, then environment):
  // `-o` pairs with the command line's `-f`s, so a `format: tty` from .hadolint.yaml must not slip in
  // before them (hadolint concatenates the three lists, which sends `-f sarif -o x.sarif` to tty).
  const formats = [cli, fileLayer, environment].find((l) => (l.format ?? []).length > 0)?.format ?? [];
  return { config, file, noColor: last('noColor') ?? false, formats, verbose: last('verbose') ?? false, unknownKeys: fileLayer.unknownKeys ?? [] };
}

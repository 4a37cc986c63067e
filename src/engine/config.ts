/**
 * Configuration in hadolint's `.hadolint.yaml` keys: validation of a decoded YAML/JSON object and
 * merging of layers (defaults ← environment ← config file ← command line, hadolint's precedence:
 * scalars from the highest layer that sets them, lists concatenated, label schemas unioned).
 */
import type { FailureThreshold, LabelType, LintConfig, Severity } from './types.js';
import { defaultConfig } from './types.js';
import { editDistance } from '../parse/edit-distance.js';

/** A layer of configuration: every key optional. */
export interface ConfigLayer {
  ignored?: string[];
  override?: Partial<Record<Severity, string[]>>;
  failureThreshold?: FailureThreshold;
  noFail?: boolean;
  noColor?: boolean;
  disableIgnorePragma?: boolean;
  trustedRegistries?: string[];
  labelSchema?: Record<string, LabelType>;
  strictLabels?: boolean;
  format?: string[];
  verbose?: boolean;
  /** Keys of the file that are not configuration keys (hadolint ignores them; the CLI warns). */
  unknownKeys?: string[];
}

/** Thrown for a configuration that cannot be used; the CLI prints `message` and exits with code 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];
export const THRESHOLDS: readonly FailureThreshold[] = ['error', 'warning', 'info', 'style', 'ignore', 'none'];
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

/** The keys of a configuration file (hadolint's, `formats` included). */
const KNOWN_KEYS = ['ignored', 'trustedRegistries', 'override', 'failure-threshold', 'no-fail', 'no-color', 'verbose', 'disable-ignore-pragma', 'strict-labels', 'label-schema', 'format', 'formats'];

/**
 * Validates a decoded `.hadolint.yaml` object.
 * @param data the decoded YAML (null for an empty file, which is an empty configuration).
 * @param source file name used in error messages.
 * @throws ConfigError naming the key and what was expected, or an unknown key within edit distance 2 of a
 *   known one (a typo); other unknown keys are listed in `unknownKeys` (hadolint ignores them).
 */
export function validateConfig(data: unknown, source: string): ConfigLayer {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${source}: the configuration must be a mapping of keys to values`);
  const obj = data as Record<string, unknown>;
  const layer: ConfigLayer = {};
  const fail = (key: string, expected: string): never => {
    throw new ConfigError(`${source}: key '${key}' must be ${expected}, got ${JSON.stringify(obj[key])}`);
  };
  const stringList = (key: string): string[] => {
    const v = obj[key];
    if (v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return fail(key, 'a list of strings');
    return v as string[];
  };
  const bool = (key: string): boolean => {
    const v = obj[key];
    if (typeof v !== 'boolean') return fail(key, 'true or false');
    return v as boolean;
  };
  for (const key of Object.keys(obj)) {
    switch (key) {
      case 'ignored':
        layer.ignored = stringList(key);
        break;
      case 'trustedRegistries':
        layer.trustedRegistries = stringList(key);
        break;
      case 'override': {
        const v = obj[key];
        if (v === null) break;
        if (typeof v !== 'object' || Array.isArray(v)) fail(key, `a mapping from ${SEVERITIES.join('/')} to lists of rule ids`);
        const o: Partial<Record<Severity, string[]>> = {};
        for (const [lvl, ids] of Object.entries(v as Record<string, unknown>)) {
          if (!SEVERITIES.includes(lvl as Severity)) throw new ConfigError(`${source}: override level '${lvl}' is not one of ${SEVERITIES.join(', ')}`);
          if (ids === null) continue;
          if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw new ConfigError(`${source}: override.${lvl} must be a list of rule ids`);
          o[lvl as Severity] = ids as string[];
        }
        layer.override = o;
        break;
      }
      case 'failure-threshold': {
        const v = obj[key];
        if (!THRESHOLDS.includes(v as FailureThreshold)) fail(key, `one of ${THRESHOLDS.join(', ')}`);
        layer.failureThreshold = v as FailureThreshold;
        break;
      }
      case 'no-fail':
        layer.noFail = bool(key);
        break;
      case 'no-color':
        layer.noColor = bool(key);
        break;
      case 'verbose':
        layer.verbose = bool(key);
        break;
      case 'disable-ignore-pragma':
        layer.disableIgnorePragma = bool(key);
        break;
      case 'strict-labels':
        layer.strictLabels = bool(key);
        break;
      case 'label-schema': {
        const v = obj[key];
        if (v === null) break;
        if (typeof v !== 'object' || Array.isArray(v)) fail(key, 'a mapping from label names to types');
        const schema: Record<string, LabelType> = {};
        for (const [name, t] of Object.entries(v as Record<string, unknown>)) {
          const type = t === '' || t === null ? 'text' : t;
          if (!LABEL_TYPES.includes(type as LabelType)) throw new ConfigError(`${source}: label-schema.${name} must be one of ${LABEL_TYPES.join(', ')}, got ${JSON.stringify(t)}`);
          schema[name] = type as LabelType;
        }
        layer.labelSchema = schema;
        break;
      }
      case 'format':
        if (typeof obj[key] !== 'string') fail(key, 'a format name');
        layer.format = [obj[key] as string];
        break;
      case 'formats':
        layer.format = stringList(key);
        break;
      default: {
        // hadolint ignores unknown keys. A near miss of a known key is a typo that would silently change
        // what is checked (`ignore:` for `ignored:`): an error. Others (another tool's keys) are kept
        // for the CLI to warn about.
        const near = KNOWN_KEYS.find((k) => editDistance(key.toLowerCase(), k.toLowerCase()) <= 2);
        if (near) throw new ConfigError(`${source}: unknown key '${key}' (did you mean '${near}'?)`);
        (layer.unknownKeys ??= []).push(key);
        break;
      }
    }
  }
  return layer;
}

/**
 * Merges layers from lowest to highest precedence into a full configuration (hadolint `Config`
 * semigroup): scalars from the highest layer that sets them, lists concatenated, label schemas
 * unioned (a later layer wins on the same label). Severity overrides: within one layer the most severe
 * level listed for a rule wins (hadolint applies style→info→warning→error); a higher layer replaces a
 * lower one's level for the rules it names, so `--warning DL3008` lowers a file's `error: [DL3008]`
 * (hadolint concatenates all layers, where the command line can only raise a level).
 */
export function mergeConfig(layers: ConfigLayer[]): LintConfig {
  const cfg = defaultConfig();
  for (const l of layers) {
    if (l.ignored) for (const id of l.ignored) cfg.ignored.push(id); // no spread: a list of 200,000 ids would overflow the stack
    if (l.trustedRegistries) for (const r of l.trustedRegistries) cfg.trustedRegistries.push(r);
    if (l.labelSchema) Object.assign(cfg.labelSchema, l.labelSchema);
    if (l.failureThreshold !== undefined) cfg.failureThreshold = l.failureThreshold;
    if (l.noFail !== undefined) cfg.noFail = l.noFail;
    if (l.disableIgnorePragma !== undefined) cfg.disableIgnorePragma = l.disableIgnorePragma;
    if (l.strictLabels !== undefined) cfg.strictLabels = l.strictLabels;
    if (l.override) {
      const mine: Record<string, Severity> = {};
      for (const s of ['style', 'info', 'warning', 'error'] as const) for (const id of l.override[s] ?? []) mine[id] = s;
      for (const id of Object.keys(mine)) cfg.override[id] = mine[id];
    }
  }
  return cfg;
}

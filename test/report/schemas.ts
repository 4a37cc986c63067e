/**
 * JSON schemas of the JSON-based formats, written for these tests, and an ajv instance to check them.
 *
 * SARIF: no installed package ships the official SARIF 2.1.0 schema (`sarif-schema-2.1.0.json`), so
 * SARIF_SCHEMA below encodes by hand the part of it that shipshape's output uses: the objects sarifLog,
 * run, tool, toolComponent, reportingDescriptor, reportingConfiguration, multiformatMessageString,
 * message, result, fix, artifactChange, replacement, artifactContent, location, physicalLocation,
 * artifactLocation and region, each with the official property list
 * (`additionalProperties: false` as in the official schema, so misspelt keys fail), required keys,
 * enums (`version`, `level`, `kind`, `columnKind`), minimums (lines and columns ≥ 1, indexes ≥ -1),
 * formats (`uri`, `uri-reference`) and `anyOf` constraints (message needs `text` or `id`,
 * physicalLocation needs `artifactLocation` or `address`, region needs `startLine`, `charOffset` or
 * `byteOffset`). Objects we never emit are accepted as plain objects.
 */
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

/** An ajv instance with formats, strict about unknown keywords. */
export function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  return ajv;
}

const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: AnySchema): ValidateFunction {
  if (typeof schema === 'boolean') return makeAjv().compile(schema);
  let validate = compiled.get(schema);
  if (!validate) {
    validate = makeAjv().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Compiles `schema` (once) and asserts that `data` is valid, printing ajv's errors when not. */
export function expectValid(schema: AnySchema, data: unknown): void {
  const validate = validator(schema);
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

/** Asserts that `data` is NOT valid against `schema` (used to show the schemas have teeth). */
export function expectInvalid(schema: AnySchema, data: unknown): void {
  expect(validator(schema)(data)).toBe(false);
}

const positive = { type: 'integer', minimum: 1 } as const;
const severity = { enum: ['error', 'warning', 'info', 'style'] } as const;

/** `json`: hadolint's array plus endLine, endColumn, url, fixable. */
export const JSON_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'line', 'column', 'level', 'code', 'message', 'endLine', 'endColumn'],
    properties: {
      file: { type: 'string', minLength: 1 },
      line: positive,
      column: positive,
      endLine: positive,
      endColumn: positive,
      level: severity,
      code: { type: 'string', minLength: 1 },
      message: { type: 'string' },
      url: { type: 'string', format: 'uri' },
      fixable: { enum: ['safe', 'unsafe'] },
    },
  },
} as const;

const codeClimateLocation = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'lines'],
      properties: {
        path: { type: 'string' },
        lines: {
          type: 'object',
          additionalProperties: false,
          required: ['begin', 'end'],
          properties: { begin: positive, end: positive },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'positions'],
      properties: {
        path: { type: 'string' },
        positions: {
          type: 'object',
          additionalProperties: false,
          required: ['begin', 'end'],
          properties: {
            begin: {
              type: 'object',
              additionalProperties: false,
              required: ['line', 'column'],
              properties: { line: positive, column: positive },
            },
            end: {
              type: 'object',
              additionalProperties: false,
              required: ['line', 'column'],
              properties: { line: positive, column: positive },
            },
          },
        },
      },
    },
  ],
} as const;

const codeClimateProperties = {
  type: { const: 'issue' },
  check_name: { type: 'string', minLength: 1 },
  description: { type: 'string' },
  categories: { type: 'array', items: { const: 'Bug Risk' }, minItems: 1 },
  location: codeClimateLocation,
  severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
} as const;

/** One `codeclimate` issue (Code Climate spec subset, hadolint's fields). */
export const CODECLIMATE_ISSUE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'check_name', 'description', 'categories', 'location', 'severity'],
  properties: codeClimateProperties,
} as const;

/** `gitlab_codeclimate`: array of issues with a SHA-1 fingerprint. */
export const GITLAB_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'check_name', 'description', 'categories', 'location', 'severity', 'fingerprint'],
    properties: { ...codeClimateProperties, fingerprint: { type: 'string', pattern: '^[0-9a-f]{40}$' } },
  },
} as const;

/** One `codacy` result. */
export const CODACY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['filename', 'patternId', 'message', 'line'],
  properties: {
    filename: { type: 'string' },
    patternId: { type: 'string', minLength: 1 },
    message: { type: 'string' },
    line: positive,
  },
} as const;

const zeroBased = { type: 'integer', minimum: 0 } as const;

/** `sonarqube`: generic issue import format (as hadolint writes it). */
export const SONARQUBE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['issues'],
  properties: {
    issues: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['engineId', 'ruleId', 'severity', 'type', 'primaryLocation'],
        properties: {
          engineId: { const: 'shipshape' },
          ruleId: { type: 'string', minLength: 1 },
          severity: { enum: ['BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO'] },
          type: { enum: ['BUG', 'VULNERABILITY', 'CODE_SMELL'] },
          primaryLocation: {
            type: 'object',
            additionalProperties: false,
            required: ['message', 'filePath', 'textRange'],
            properties: {
              message: { type: 'string' },
              filePath: { type: 'string' },
              textRange: {
                type: 'object',
                additionalProperties: false,
                required: ['startLine'],
                properties: { startLine: positive, endLine: positive, startColumn: zeroBased, endColumn: zeroBased },
              },
            },
          },
        },
      },
    },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0, hand-encoded subset (see the module comment).

const anyObject = { type: 'object' } as const;
const propertyBag = { type: 'object' } as const;
const index = { type: 'integer', minimum: -1 } as const;

/** Property names of an object definition, each accepted with the given or a permissive schema. */
function props(names: string[], typed: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = typed[name] ?? {};
  return out;
}

export const SARIF_SCHEMA = {
  $id: 'shipshape-test/sarif-2.1.0-subset.json',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { type: 'string', enum: ['2.1.0'] },
    runs: { type: 'array', items: { $ref: '#/definitions/run' } },
    inlineExternalProperties: { type: 'array' },
    properties: propertyBag,
  },
  definitions: {
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: props(
        [
          'tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds',
          'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates',
          'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences',
          'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses',
          'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties',
        ],
        {
          tool: { $ref: '#/definitions/tool' },
          originalUriBaseIds: { type: 'object', additionalProperties: { $ref: '#/definitions/artifactLocation' } },
          results: { type: ['array', 'null'], items: { $ref: '#/definitions/result' } },
          defaultSourceLanguage: { type: 'string' },
          columnKind: { type: 'string', enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          properties: propertyBag,
        },
      ),
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['driver'],
      properties: {
        driver: { $ref: '#/definitions/toolComponent' },
        extensions: { type: 'array', items: { $ref: '#/definitions/toolComponent' } },
        properties: propertyBag,
      },
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: props(
        [
          'guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription',
          'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri',
          'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language',
          'contents', 'isComprehensive', 'localizedDataSemanticVersion',
          'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata',
          'supportedTaxonomies', 'properties',
        ],
        {
          name: { type: 'string' },
          fullName: { type: 'string' },
          version: { type: 'string' },
          semanticVersion: { type: 'string' },
          shortDescription: { $ref: '#/definitions/multiformatMessageString' },
          fullDescription: { $ref: '#/definitions/multiformatMessageString' },
          downloadUri: { type: 'string', format: 'uri' },
          informationUri: { type: 'string', format: 'uri' },
          rules: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/reportingDescriptor' } },
          properties: propertyBag,
        },
      ),
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: props(
        [
          'id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription',
          'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships',
          'properties',
        ],
        {
          id: { type: 'string' },
          name: { type: 'string' },
          shortDescription: { $ref: '#/definitions/multiformatMessageString' },
          fullDescription: { $ref: '#/definitions/multiformatMessageString' },
          help: { $ref: '#/definitions/multiformatMessageString' },
          helpUri: { type: 'string', format: 'uri' },
          defaultConfiguration: {
            type: 'object',
            additionalProperties: false,
            properties: {
              enabled: { type: 'boolean' },
              level: { type: 'string', enum: ['none', 'note', 'warning', 'error'] },
              rank: { type: 'number', minimum: -1, maximum: 100 },
              parameters: propertyBag,
              properties: propertyBag,
            },
          },
          properties: propertyBag,
        },
      ),
    },
    multiformatMessageString: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: propertyBag },
    },
    message: {
      type: 'object',
      additionalProperties: false,
      properties: {
        text: { type: 'string' },
        markdown: { type: 'string' },
        id: { type: 'string' },
        arguments: { type: 'array', items: { type: 'string' } },
        properties: propertyBag,
      },
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: props(
        [
          'ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid',
          'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows',
          'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank',
          'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest',
          'webResponse', 'properties',
        ],
        {
          ruleId: { type: 'string' },
          ruleIndex: index,
          kind: { type: 'string', enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
          level: { type: 'string', enum: ['none', 'note', 'warning', 'error'] },
          message: { $ref: '#/definitions/message' },
          locations: { type: 'array', items: { $ref: '#/definitions/location' } },
          relatedLocations: { type: 'array', items: { $ref: '#/definitions/location' } },
          fixes: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/fix' } },
          partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
          fingerprints: { type: 'object', additionalProperties: { type: 'string' } },
          properties: propertyBag,
        },
      ),
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactChanges'],
      properties: {
        description: { $ref: '#/definitions/message' },
        artifactChanges: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/definitions/artifactChange' } },
        properties: propertyBag,
      },
    },
    artifactChange: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactLocation', 'replacements'],
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        replacements: { type: 'array', minItems: 1, items: { $ref: '#/definitions/replacement' } },
        properties: propertyBag,
      },
    },
    replacement: {
      type: 'object',
      additionalProperties: false,
      required: ['deletedRegion'],
      properties: {
        deletedRegion: { $ref: '#/definitions/region' },
        insertedContent: { $ref: '#/definitions/artifactContent' },
        properties: propertyBag,
      },
    },
    artifactContent: {
      type: 'object',
      additionalProperties: false,
      properties: { text: { type: 'string' }, binary: { type: 'string' }, rendered: anyObject, properties: propertyBag },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: index,
        physicalLocation: { $ref: '#/definitions/physicalLocation' },
        logicalLocations: { type: 'array' },
        message: { $ref: '#/definitions/message' },
        annotations: { type: 'array', items: { $ref: '#/definitions/region' } },
        relationships: { type: 'array' },
        properties: propertyBag,
      },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        address: anyObject,
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        region: { $ref: '#/definitions/region' },
        contextRegion: { $ref: '#/definitions/region' },
        properties: propertyBag,
      },
      anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        uri: { type: 'string', format: 'uri-reference' },
        uriBaseId: { type: 'string' },
        index,
        description: { $ref: '#/definitions/message' },
        properties: propertyBag,
      },
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: positive,
        startColumn: positive,
        endLine: positive,
        endColumn: positive,
        charOffset: index,
        charLength: { type: 'integer', minimum: 0 },
        byteOffset: index,
        byteLength: { type: 'integer', minimum: 0 },
        snippet: { $ref: '#/definitions/artifactContent' },
        message: { $ref: '#/definitions/message' },
        sourceLanguage: { type: 'string' },
        properties: propertyBag,
      },
      anyOf: [{ required: ['startLine'] }, { required: ['charOffset'] }, { required: ['byteOffset'] }],
    },
  },
} as const;

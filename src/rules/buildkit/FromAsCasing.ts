import { defineRule } from '../define.js';

const isLower = (s: string): boolean => s === s.toLowerCase();
const isUpper = (s: string): boolean => s === s.toUpperCase();

export default defineRule({
  id: 'FromAsCasing',
  severity: 'warning',
  summary: "The 'AS' keyword should match the case of the 'FROM' keyword",
  origin: 'buildkit',
  category: 'maintainability',
  fix: 'safe',
  docs: {
    description:
      'Reports `FROM <image> AS <name>` where the `AS` keyword does not follow the casing of `FROM`: with an upper-case `FROM` it must be `AS`, with a lower-case `from` it must be `as`. When `FROM` itself is mixed case (`From`), this check stays silent and ConsistentInstructionCasing reports it. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/from-as-casing/.',
    why: 'Keywords are case-insensitive, so the build is the same either way; a consistent style makes stage definitions easy to spot and to search for.',
    bad: 'FROM node:22-alpine as build\nRUN npm ci\n',
    good: 'FROM node:22-alpine AS build\nRUN npm ci\n',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      const from = stage.from;
      if (from.words.length !== 3) continue;
      const as = from.words[1];
      if (as.raw.toLowerCase() !== 'as') continue;
      const kw = from.keywordRaw;
      let want: string | null = null;
      if (isUpper(kw) && !isUpper(as.raw)) want = 'AS';
      else if (isLower(kw) && !isLower(as.raw)) want = 'as';
      if (want === null) continue;
      ctx.report({
        instruction: from,
        range: as.range,
        message: `'${as.raw}' and '${kw}' keywords' casing do not match: write '${kw} ... ${want} ${from.words[2].raw}'`,
        fix: ctx.edit().replace(as.range, want).safe(`Write '${want}'`),
      });
    }
  },
});

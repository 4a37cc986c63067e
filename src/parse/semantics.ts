/**
 * Variable scoping of a Dockerfile as BuildKit's dispatcher sees it (dockerfile2llb/convert.go):
 * which ARG and ENV names are defined just before each instruction, and with which values.
 *
 * PLACEHOLDER: the implementation is being written; the types below are the contract.
 */
import type { Dockerfile, Instruction } from './types.js';

/** A variable visible at some point of the build. */
export interface Variable {
  name: string;
  /** Value; null for `ARG NAME` without a default (declared, value unknown until `--build-arg`). */
  value: string | null;
  /** `arg` (stage ARG), `global-arg` (ARG before the first FROM), `env`, or `predefined` (TARGETARCH...). */
  kind: 'arg' | 'global-arg' | 'env' | 'predefined';
  /** The instruction that defined it; null for predefined ARGs. */
  instruction: Instruction | null;
}

/** The variables in scope at one point. ENV shadows ARG of the same name (BuildKit). */
export interface Scope {
  get(name: string): Variable | undefined;
  has(name: string): boolean;
  /** Every visible name. */
  names(): string[];
}

/** Scopes for every instruction of a file, computed once. */
export interface Semantics {
  /** Variables visible to FROM lines: global ARGs with their defaults plus predefined platform ARGs. */
  global: Scope;
  /** Variables visible just before `instruction` (for FROM: the global scope). */
  scopeAt(instruction: Instruction): Scope;
}

export declare function analyze(file: Dockerfile): Semantics;

/**
 * Python base images: which images ship a Python interpreter as their purpose. (Requirement files and
 * pyproject.toml are read by python-manifests.ts.)
 *
 * No `node:` imports: rules run in browsers and language servers too.
 */
import type { ImageRef } from '../../parse/types.js';
import { imageKey } from './images.js';
/**
 * True for a base image that ships a Python interpreter as its purpose: the repository's last path
 * component is `python` or `pypy` or contains `python` (`python`, `cimg/python`, `bitnami/python`,
 * `circleci/python`, `ghcr.io/org/python-base`), or its tag starts with `python` (images that name the
 * interpreter in the tag: `ghcr.io/astral-sh/uv:python3.12-bookworm-slim`,
 * `tiangolo/uvicorn-gunicorn-fastapi:python3.11`).
 */
export function isPythonImage(image: ImageRef | null): boolean {
  if (image === null || image.unresolved) return false;
  const key = imageKey(image);
  const last = key.slice(key.lastIndexOf('/') + 1);
  if (last === 'pypy' || last.includes('python')) return true;
  return /^python\d/i.test(image.tag ?? '');
}

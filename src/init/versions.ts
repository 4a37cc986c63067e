/**
 * Versions that `shipshape init` writes into a generated Dockerfile: one table to update on purpose.
 *
 * Sources: the Docker Official Image `python` publishes a `<major>.<minor>.<patch>-slim-bookworm` tag for
 * every CPython release (docker-library/python); the patch versions below are the releases of October 2024 (3.14.0: October 2025).
 * Debian package versions are bookworm's (Debian 12), written as apt version globs (`15.*`), which
 * `apt-get install pkg=15.*` accepts (apt's version matching allows a trailing `*`): a security update
 * within the same upstream series still installs, another series fails the build loudly.
 */

/** Newest patch release per CPython minor version that the generator knows (key `3.12` → `3.12.7`). */
export const PYTHON_PATCH: Readonly<Record<string, string>> = {
  '3.9': '3.9.20',
  '3.10': '3.10.15',
  '3.11': '3.11.10',
  '3.12': '3.12.7',
  '3.13': '3.13.0',
  '3.14': '3.14.0',
};

/** The minor version used when the project states none (the newest with broad wheel coverage). */
export const DEFAULT_PYTHON_MINOR = '3.12';

/** Debian release of the `-slim-<release>` base image; the apt globs below are for it. */
export const DEBIAN_RELEASE = 'bookworm';

/** Pinned versions of the installers a builder stage installs (none of them is in the python image). */
export const TOOL_VERSIONS = {
  /** `ghcr.io/astral-sh/uv` image tag; the binary is copied from it. */
  uv: '0.5.9',
  poetry: '1.8.5',
  pdm: '2.22.1',
  pipenv: '2024.4.0',
} as const;

/** Pinned images of the optional compose file. */
export const COMPOSE_IMAGES = {
  postgres: 'postgres:16.6-bookworm',
  redis: 'redis:7.4.1-bookworm',
} as const;

/** apt version globs of the Debian packages init may install (bookworm). */
export const APT_VERSIONS: Readonly<Record<string, string>> = {
  'build-essential': '12.*',
  'libpq-dev': '15.*',
  libpq5: '15.*',
  'pkg-config': '1.8.*',
  'default-libmysqlclient-dev': '1.1.*',
  libmariadb3: '1:10.11.*',
  'libldap2-dev': '2.5.*',
  'libldap-2.5-0': '2.5.*',
  'libsasl2-dev': '2.1.*',
  'libsasl2-2': '2.1.*',
  libmagic1: '1:5.44-*',
  'libpango-1.0-0': '1.50.*',
  'libpangoft2-1.0-0': '1.50.*',
  'libharfbuzz-subset0': '6.0.*',
  libzbar0: '0.23.*',
  libgdal32: '3.6.*',
  'libgdal-dev': '3.6.*',
  'libgeos-c1v5': '3.11.*',
  libproj25: '9.1.*',
  'libxml2-dev': '2.9.*',
  libxml2: '2.9.*',
  'libxslt1-dev': '1.1.*',
  'libxslt1.1': '1.1.*',
};

/**
 * Debian packages that Python dependencies need beyond a `python:*-slim-bookworm` image: compilers and
 * headers for the builder stage, shared libraries for the runtime stage.
 *
 * One row per dependency (PEP 503 name). A row is there only when the package's own documentation (or
 * Debian's packaging of it, whose `Depends` names the library) says the library must come from the system:
 * either the package is compiled from source against it, or its wheel loads it at run time with `ctypes` /
 * `cffi` instead of bundling it. Packages whose manylinux wheels bundle their libraries (Pillow, lxml,
 * `psycopg[binary]`, `psycopg2-binary`, cryptography) need nothing and have no row — lxml only when built from source. Package names are
 * Debian 12 (bookworm)'s; their apt version globs are in versions.ts (`APT_VERSIONS`).
 *
 * Pure data and one lookup: no `node:` imports.
 */
import type { Dependency } from '../rules/lib/python-manifests.js';

/** What one dependency needs from Debian. */
interface NativeNeed {
  /** PEP 503 name of the dependency (`python-magic`). */
  name: string;
  /**
   * Whether this row applies to the dependency as declared (its extras decide for psycopg); `fromSource`
   * is true when the project asks for it to be built from source (pip `--no-binary`, uv `no-binary-package`).
   */
  when: (d: Dependency, fromSource: boolean) => boolean;
  /** Packages for the builder stage (compilers, `-dev` headers). */
  build: string[];
  /** Packages for the runtime stage (shared libraries). */
  runtime: string[];
  /** Why, in a few words, naming the documentation it comes from (printed by `--explain`). */
  why: string;
}

/** The table, in the order `--explain` prints matches. */
const NATIVE: readonly NativeNeed[] = [
  { name: 'psycopg2', when: () => true, build: ['build-essential', 'libpq-dev'], runtime: ['libpq5'], why: 'psycopg2 compiles against libpq' },
  { name: 'psycopg', when: (d) => d.extras.includes('c'), build: ['build-essential', 'libpq-dev'], runtime: ['libpq5'], why: 'psycopg[c] compiles against libpq' },
  {
    name: 'psycopg',
    when: (d) => !d.extras.includes('binary') && !d.extras.includes('c'),
    build: [],
    runtime: ['libpq5'],
    why: 'psycopg without [binary] loads the system libpq at run time',
  },
  { name: 'mysqlclient', when: () => true, build: ['build-essential', 'default-libmysqlclient-dev', 'pkg-config'], runtime: ['libmariadb3'], why: 'mysqlclient compiles against the MariaDB client library' },
  { name: 'uwsgi', when: () => true, build: ['build-essential'], runtime: [], why: 'uWSGI is compiled from source' },
  { name: 'python-ldap', when: () => true, build: ['build-essential', 'libldap2-dev', 'libsasl2-dev'], runtime: ['libldap-2.5-0', 'libsasl2-2'], why: 'python-ldap compiles against OpenLDAP and SASL' },
  // python-magic is pure Python: it finds libmagic with ctypes.util.find_library at import time (its
  // README asks for the system libmagic; Debian's python3-magic depends on libmagic1).
  { name: 'python-magic', when: () => true, build: [], runtime: ['libmagic1'], why: 'python-magic loads the system libmagic at run time (its README; Debian python3-magic depends on libmagic1)' },
  // WeasyPrint ≥ 53 reaches Pango and HarfBuzz through cffi; its "First steps" page lists for Debian ≥ 11
  // libpango-1.0-0, libpangoft2-1.0-0 and libharfbuzz-subset0 (libharfbuzz0b and fontconfig come as their Depends).
  {
    name: 'weasyprint',
    when: () => true,
    build: [],
    runtime: ['libharfbuzz-subset0', 'libpango-1.0-0', 'libpangoft2-1.0-0'],
    why: 'WeasyPrint loads Pango and HarfBuzz at run time (its installation docs for Debian)',
  },
  // pyzbar is pure Python and loads libzbar with ctypes (its README: install libzbar0; Debian's python3-pyzbar depends on it).
  { name: 'pyzbar', when: () => true, build: [], runtime: ['libzbar0'], why: 'pyzbar loads the system zbar library at run time (its README; Debian python3-pyzbar depends on libzbar0)' },
  // lxml's wheels bundle libxml2 and libxslt; built from source it needs them (its installation page names
  // the Debian -dev packages) and links to them at run time.
  {
    name: 'lxml',
    when: (_d, fromSource) => fromSource,
    build: ['build-essential', 'libxml2-dev', 'libxslt1-dev'],
    runtime: ['libxml2', 'libxslt1.1'],
    why: 'lxml built from source (--no-binary) compiles against libxml2 and libxslt',
  },
  // GDAL's Python bindings compile against the system GDAL (its PyPI page: the libgdal-dev headers of the same version).
  { name: 'gdal', when: () => true, build: ['build-essential', 'libgdal-dev'], runtime: ['libgdal32'], why: 'GDAL\'s bindings compile against the system GDAL (pin GDAL to bookworm\'s 3.6.2)' },
];

/**
 * GeoDjango (`django.contrib.gis` in the settings) loads GEOS and GDAL with ctypes, and GDAL uses PROJ
 * (Django's "Installing Geospatial libraries": all three are required; on Debian it names
 * `binutils libproj-dev gdal-bin`, of which the image needs only the shared libraries).
 */
export const GEODJANGO_RUNTIME: readonly string[] = ['libgdal32', 'libgeos-c1v5', 'libproj25'];

/**
 * The row that applies to a dependency (none for most).
 * @param fromSource whether the project builds it from source instead of installing a wheel
 */
export function nativeNeedsOf(d: Dependency, fromSource = false): NativeNeed | undefined {
  return NATIVE.find((n) => n.name === d.name && n.when(d, fromSource));
}

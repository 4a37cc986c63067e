/**
 * Variables that well-known official base images set with ENV (their Dockerfiles on Docker Hub /
 * MCR). BuildKit sees the base image's config and does not report them as undefined; shipshape
 * cannot pull images, so UndefinedVar uses this list to stay silent for the common cases.
 */
import type { Stage } from '../../parse/types.js';

const COMMON_LANG = ['LANG', 'LANGUAGE', 'LC_ALL'];
const JAVA = ['JAVA_HOME', 'JAVA_VERSION', ...COMMON_LANG];

/** Image name (last path component, or a known prefix) → ENV names its official image sets. */
const BY_IMAGE: Record<string, string[]> = {
  golang: ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'],
  python: ['PYTHON_VERSION', 'PYTHON_SHA256', 'GPG_KEY', 'PYTHON_PIP_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256', 'PYTHON_SETUPTOOLS_VERSION', ...COMMON_LANG],
  pypy: ['PYPY_VERSION', 'PYTHON_PIP_VERSION', ...COMMON_LANG],
  node: ['NODE_VERSION', 'YARN_VERSION'],
  openjdk: JAVA,
  'eclipse-temurin': JAVA,
  amazoncorretto: JAVA,
  'ibm-semeru-runtimes': JAVA,
  sapmachine: JAVA,
  maven: ['MAVEN_HOME', 'MAVEN_CONFIG', ...JAVA],
  gradle: ['GRADLE_HOME', 'GRADLE_VERSION', ...JAVA],
  tomcat: ['CATALINA_HOME', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512', 'TOMCAT_NATIVE_LIBDIR', 'LD_LIBRARY_PATH', 'GPG_KEYS', ...JAVA],
  ruby: ['RUBY_VERSION', 'RUBY_MAJOR', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG', ...COMMON_LANG],
  php: ['PHP_INI_DIR', 'PHP_VERSION', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256', 'PHPIZE_DEPS', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'APACHE_CONFDIR', 'APACHE_ENVVARS'],
  wordpress: ['PHP_INI_DIR', 'PHP_VERSION', 'WORDPRESS_VERSION', 'APACHE_CONFDIR', 'APACHE_ENVVARS'],
  composer: ['COMPOSER_HOME', 'COMPOSER_VERSION', 'COMPOSER_ALLOW_SUPERUSER', 'PHP_INI_DIR'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  postgres: ['PG_MAJOR', 'PG_VERSION', 'PGDATA', 'GOSU_VERSION', ...COMMON_LANG],
  mysql: ['MYSQL_MAJOR', 'MYSQL_VERSION', 'MYSQL_SHELL_VERSION', 'GOSU_VERSION'],
  mariadb: ['MARIADB_VERSION', 'GOSU_VERSION', ...COMMON_LANG],
  mongo: ['MONGO_VERSION', 'MONGO_MAJOR', 'MONGO_PACKAGE', 'MONGO_REPO', 'GOSU_VERSION', 'JSYAML_VERSION'],
  redis: ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA'],
  haproxy: ['HAPROXY_VERSION', 'HAPROXY_URL', 'HAPROXY_SHA256'],
  docker: ['DOCKER_VERSION', 'DOCKER_TLS_CERTDIR', 'DOCKER_BUILDX_VERSION', 'DOCKER_COMPOSE_VERSION'],
  elixir: ['ELIXIR_VERSION', 'OTP_VERSION', 'REBAR3_VERSION', ...COMMON_LANG],
  erlang: ['OTP_VERSION', 'REBAR3_VERSION', ...COMMON_LANG],
  perl: ['PERL_VERSION'],
  julia: ['JULIA_PATH', 'JULIA_VERSION', 'JULIA_GPG', ...COMMON_LANG],
  swift: ['SWIFT_VERSION', 'SWIFT_PLATFORM', 'SWIFT_BRANCH', 'SWIFT_SIGNING_KEY', 'SWIFT_WEBROOT'],
  dotnet: ['DOTNET_VERSION', 'ASPNET_VERSION', 'DOTNET_SDK_VERSION', 'APP_UID', 'ASPNETCORE_HTTP_PORTS', 'ASPNETCORE_URLS', 'DOTNET_RUNNING_IN_CONTAINER', 'DOTNET_USE_POLLING_FILE_WATCHER', 'NUGET_XMLDOC_MODE', 'POWERSHELL_DISTRIBUTION_CHANNEL', 'DOTNET_GENERATE_ASPNET_CERTIFICATE', 'DOTNET_NOLOGO'],
  jenkins: ['JENKINS_HOME', 'JENKINS_SLAVE_AGENT_PORT', 'REF', 'JENKINS_VERSION', 'JENKINS_UC', 'COPY_REFERENCE_FILE_LOG', ...JAVA],
  'jenkins/inbound-agent': ['AGENT_WORKDIR', ...JAVA],
  elasticsearch: ['ELASTIC_CONTAINER', 'ES_JAVA_HOME'],
  logstash: ['ELASTIC_CONTAINER', 'LS_JAVA_HOME'],
  kibana: ['ELASTIC_CONTAINER'],
  'windows/servercore': [],
  nanoserver: [],
};

/** jupyter/docker-stacks: every image builds on docker-stacks-foundation, which sets these. */
const JUPYTER = ['CONDA_DIR', 'SHELL', 'NB_USER', 'NB_UID', 'NB_GID', 'HOME', 'JUPYTER_PORT', 'XDG_CACHE_HOME', 'DEBIAN_FRONTEND', ...COMMON_LANG];
/** SeleniumHQ/docker-selenium: every image builds on selenium/base, which sets these. */
const SELENIUM = ['SEL_USER', 'SEL_UID', 'SEL_GID', 'HOME', 'TZ', 'SEL_DOWNLOAD_DIR', 'DEBIAN_FRONTEND', 'DEBCONF_NONINTERACTIVE_SEEN', 'LANG_WHICH', 'LANG_WHERE', 'ENCODING', 'LANGUAGE', 'LANG'];

/** Image families matched by namespace: a predicate on the repository and the names their images set. */
const BY_NAMESPACE: { matches: (repo: string) => boolean; names: string[] }[] = [
  {
    // quay.io/jupyter/base-notebook, jupyter/scipy-notebook, docker.io/jupyter/docker-stacks-foundation...
    matches: (repo) => /(^|\/)jupyter\/(docker-stacks-foundation|[a-z0-9-]+-notebook)$/.test(repo),
    names: JUPYTER,
  },
  { matches: (repo) => /(^|\/)jupyter\/(pyspark|all-spark)-notebook$/.test(repo), names: ['SPARK_HOME', 'SPARK_OPTS', 'PATH'] },
  // selenium/base, selenium/node-chrome, selenium/standalone-firefox...
  { matches: (repo) => /(^|\/)selenium\/[a-z0-9-]+$/.test(repo), names: SELENIUM },
];

/**
 * Base-image variables known to hold a numeric id (`USER $APP_UID` is `USER 1654` in the .NET images,
 * `USER ${NB_UID}` is 1000 in the Jupyter images, `${SEL_UID}` 1200 in the Selenium images).
 */
const NUMERIC_IDS = new Set(['APP_UID', 'NB_UID', 'NB_GID', 'SEL_UID', 'SEL_GID']);

/**
 * The name of the image a stage chain (`ctx.stage(s).chain`) finally starts from, as written after ARG
 * expansion, or null for `scratch` and for a chain that ends in a stage reference.
 */
export function baseImageName(chain: readonly Stage[]): string | null {
  const root = chain[chain.length - 1];
  if (root.base.kind !== 'image') return null;
  const img = root.base.image;
  return img.expanded.toLowerCase() === 'scratch' ? null : img.expanded || img.raw;
}

/** ENV names the base image of a stage chain (`ctx.stage(s).chain`) is known to set (empty when unknown). */
export function knownBaseEnv(chain: readonly Stage[]): ReadonlySet<string> {
  const root = chain[chain.length - 1];
  if (root.base.kind !== 'image') return new Set();
  const repo = root.base.image.repository.toLowerCase();
  const out = new Set<string>();
  for (const [key, names] of Object.entries(BY_IMAGE)) {
    const matches = key.includes('/')
      ? repo.endsWith(key)
      : repo.split('/').pop() === key || repo.split('/').includes(key) && key === 'dotnet';
    if (matches) for (const n of names) out.add(n);
  }
  for (const family of BY_NAMESPACE) if (family.matches(repo)) for (const n of family.names) out.add(n);
  return out;
}

/** True when the stage's base image is known to set `name` to a numeric user or group id. */
export function knownNumericBaseId(chain: readonly Stage[], name: string): boolean {
  return NUMERIC_IDS.has(name) && knownBaseEnv(chain).has(name);
}

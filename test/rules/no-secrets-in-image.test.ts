import rule from '../../src/rules/shipshape/no-secrets-in-image.js';
import { ruleTable } from '../helpers/rule-table.js';

const GHP = 'ghp_' + 'Zk4QmX8rT2vB9nL1pW6yH3cJ7dF0sA5gE2uK';
const AKIA = 'AKIA' + '4ZQXR7LMN2OPQ3ST';
const AWS_SECRET = 'k9Vw2XqL7rT0pZ5mN3bC8hJ1fD6gS4aY+Eu/Ri2Q';
const NPM = 'npm_' + 'Zk4QmX8rT2vB9nL1pW6yH3cJ7dF0sA5gE2uK';

ruleTable(rule, {
  silent: [
    // Django's documented build-time pattern: a throw-away key on the collectstatic command persists nowhere.
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY . .\nRUN SECRET_KEY=dummy python manage.py collectstatic --noinput\n',
    'FROM python:3.12.4-slim\nRUN DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:///:memory: python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN SECRET_KEY="dummyKeyWithMinimumLength-------------------------" /opt/venv/bin/python manage.py collectstatic --no-input\n',
    'FROM python:3.12.4-slim\nRUN --mount=type=secret,id=django_secret_key,env=SECRET_KEY python manage.py collectstatic --noinput\n',
    'FROM alpine:3.20\nARG GOOGLE_CREDENTIALS=credentials.json\nENV GA_CLIENT_SECRET ignored\nENV HUBOT_DISCORD_TOKEN=yourtokenhere SLACK_TOKEN=YOUR_SLACK_TOKEN\n',
    'FROM eclipse-temurin:21\nENV JAVA_TRUSTSTORE_PASSWORD changeit\n',
    'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY="SECRET KEY MISSING, provide it as environment variable"\n',
    'FROM alpine:3.20\nARG PINATA_API_KEY=PINATA_API_KEY\nENV FTP_PASS **Random**\n',
    'FROM alpine:3.20\nENV GLUU_SECRET_ADAPTER=vault GLUU_SECRET_KUBERNETES_NAMESPACE=default\n',
    'FROM nginx:1.27-alpine\nENV DD_UWSGI_PASS="uwsgi_server" DD_PROXY_PASS=http://app:8000\n',
    'FROM python:3.12-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    'FROM python:3.12-slim\nENV PYTHON_SHA256=24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d\n',
    'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pg_password\n',
    'FROM postgres:16\nENV POSTGRES_HOST_AUTH_METHOD=trust\n',
    'FROM node:22-alpine\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc\n',
    'FROM node:22-alpine\nENV NODE_AUTH_TOKEN=${NPM_TOKEN}\n',
    'FROM alpine:3.20\nENV PASSWORD=\n',
    'FROM alpine:3.20\nENV MTP_SECRET 00000000000000000000000000000000\n',
    'FROM alpine:3.20\nENV API_KEY=<your-api-key>\n',
    'FROM alpine:3.20\nENV KEEPASSXC_VERSION 2.5.4\n',
    'FROM alpine:3.20\nENV PASSWORD_MIN_LENGTH=12 REQUIRE_PASSWORD=true\n',
    // Settings of how secrets are handled (a fresh-user trial: both were errors with the value masked).
    'FROM python:3.12.4-slim\nENV PASSWORD_HASHERS=argon2 SECRET_BACKEND=vault AUTH_PASSWORD_VALIDATORS=strict\n',
    `FROM alpine:3.20\n# ENV TOKEN=${GHP}\nRUN echo hi\n`,
    'FROM alpine:3.20\nRUN git clone https://github.com/moby/buildkit.git\n',
    'FROM alpine:3.20\nRUN git clone https://${GH_USER}:${GH_TOKEN}@github.com/acme/private.git\n',
  ],
  fires: [
    // The same words elsewhere in a name do not make it a setting (corpus: MANAGER_PASS, ..._EMAIL_PASSWORD).
    { input: 'FROM alpine:3.20\nENV MANAGER_PASS=s3cretvalue BACKEND_SECRET=an0ther-value\n', line: 2, count: 2, message: /^ENV (MANAGER_PASS|BACKEND_SECRET) sets a literal (password|secret)/ },
    { name: 'collectstatic advice', input: 'FROM python:3.12.4-slim\nENV DJANGO_SECRET_KEY=k9f8a7sd6f5a4sdf3g2h1j0kl\nRUN python manage.py collectstatic --noinput\n', line: 2, message: /collectstatic` needs a key, not the real one/ },
    { input: `FROM python:3.12-slim\nENV AWS_ACCESS_KEY_ID=${AKIA}\n`, line: 2, column: 23, count: 1, message: /^ENV AWS_ACCESS_KEY_ID contains an AWS access key ID/ },
    { input: `FROM python:3.12-slim\nENV AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\n`, line: 2, message: /AWS secret access key/ },
    { input: `FROM alpine:3.20\nARG GITHUB_TOKEN=${GHP}\n`, line: 2, column: 18, message: new RegExp(`^(?!.*${GHP}).*GitHub token`) },
    { input: `FROM alpine:3.20\nLABEL ci.token="${GHP}"\n`, line: 2 },
    { input: 'FROM python:3.12-slim\nRUN pip install --index-url https://deploy:Xk29fjQp7w@pypi.example.com/simple app\n', line: 2, message: /^(?!.*Xk29fjQp7w).*password in a URL/ },
    { input: `FROM node:22-alpine\nRUN echo "//registry.npmjs.org/:_authToken=${NPM}" > .npmrc && npm ci\n`, line: 2, message: /^this RUN contains an npm registry token: / },
    { input: 'FROM python:3.12-slim\nENV DATABASE_URL=postgres://app:S3cretPassw0rd@db.example.com:5432/app\n', line: 2, message: /PostgreSQL/ },
    { input: 'FROM mysql:8.4\nENV MYSQL_ROOT_PASSWORD=hunter22\n', line: 2, column: 25, message: /^ENV MYSQL_ROOT_PASSWORD sets a literal password/ },
    { input: 'FROM alpine:3.20\nENV OAUTH_REFRESH_TOKEN=1//0gAbCdEfGh SERVER_PASSWORD=s3rv3r\n', count: 2 },
    { input: 'FROM alpine:3.20\nENV MG_PASS admin\n', line: 2, message: /^(?!.*admin\b)/ },
    { input: 'FROM alpine:3.20\nARG DB_PASSWORD=dev-pass\n', line: 2, message: /secret mount/ },
    { input: `FROM alpine:3.20\nRUN echo start && \\\n    git clone https://x-access-token:${GHP}@github.com/acme/app.git\n`, line: 3 },
    { input: `FROM alpine:3.20\nRUN ["git", "clone", "https://oauth2:${GHP}@github.com/acme/app.git"]\n`, line: 2 },
    { input: `FROM alpine:3.20\nRUN <<EOF\nset -e\nexport GH_TOKEN=${GHP}\ngh repo clone acme/app\nEOF\n`, line: 4, column: 17 },
    { input: 'FROM alpine:3.20\nCOPY <<EOF /root/.ssh/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDm7n0L3Z6B1p3aT0Qm7m8ZmZf6N6XoYb1vQ5m9lTqkQAAAAJg5M1qXOTNa\n-----END OPENSSH PRIVATE KEY-----\nEOF\n', line: 3, message: /private key/ },
    { input: `FROM alpine:3.20\nONBUILD ENV TOKEN=${GHP}\n`, line: 2 },
    { input: `FROM alpine:3.20\nCMD ["app", "--token", "${GHP}"]\n`, line: 2 },
  ],
});

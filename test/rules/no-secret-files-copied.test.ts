import rule from '../../src/rules/shipshape/no-secret-files-copied.js';
import { ruleTable } from '../helpers/rule-table.js';

const ENV = 'DATABASE_URL=postgres://app:pw@db/app\n';
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

ruleTable(rule, {
  silent: [
    { input: 'FROM eclipse-temurin:21-jdk\nCOPY jenkins.io-2026.key /war/jenkins-key.pub\n', noContext: true },
    { input: 'FROM debian:12\nCOPY vendor.key /usr/share/keyrings/vendor.asc\n', noContext: true },
    { input: 'FROM node:22-alpine\nCOPY . .\n', files: { 'package.json': '{}', '.env': ENV, '.dockerignore': '.env\n' } },
    { input: 'FROM node:22-alpine\nCOPY . .\n', noContext: true },
    { input: 'FROM node:22-alpine\nCOPY . .\n', files: { 'package.json': '{}', '.env.example': 'TOKEN=\n', 'src/index.js': '' } },
    { input: 'FROM nginx:1.27\nCOPY certs/ /etc/nginx/certs/\n', files: { 'certs/site.crt': CERT, 'certs/ca.pem': CERT } },
    { input: 'FROM nginx:1.27\nCOPY ca.pem /usr/local/share/ca-certificates/ca.crt\n', noContext: true },
    { input: 'FROM node:22-alpine\nCOPY .npmrc package.json ./\n', files: { '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', 'package.json': '{}' } },
    { input: 'FROM node:22-alpine\nCOPY .npmrc ./\n', noContext: true },
    { input: 'FROM node:22-alpine\nCOPY --from=build /app/.env /app/.env\n', files: { '.env': ENV } },
    { input: 'FROM node:22-alpine\nADD https://example.com/.env /app/\n' },
    { input: 'FROM node:22-alpine\nCOPY src/ /app/src/\n', files: { 'src/index.js': '', '.env': ENV } },
  ],
  fires: [
    { input: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n', files: { 'package.json': '{}', '.env': ENV }, line: 3, column: 6, count: 1, message: /\.env \(environment file/ },
    { input: 'FROM node:22-alpine\nCOPY .env /app/.env\n', noContext: true, line: 2, column: 6 },
    { input: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n', line: 2, message: /SSH private key/ },
    { input: 'FROM alpine:3.20\nCOPY keys/server.key /etc/ssl/private/\n', noContext: true, line: 2 },
    { input: 'FROM nginx:1.27\nCOPY certs/ /etc/nginx/certs/\n', files: { 'certs/site.crt': CERT, 'certs/site.pem': KEY }, line: 2, message: /certs\/site\.pem \(private key\)/ },
    { input: 'FROM node:22-alpine\nCOPY .npmrc package.json ./\n', files: { '.npmrc': '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n', 'package.json': '{}' }, line: 2, message: /npm registry token/ },
    { input: 'FROM python:3.12-slim\nCOPY *.json /app/\n', files: { 'service-account.json': '{"type":"service_account","private_key":"x"}', 'package.json': '{}' }, line: 2 },
    { input: 'FROM python:3.12-slim\nCOPY . .\n', files: { '.dockerignore': '.git\n', 'config/.aws/credentials': '[default]\n', 'a/id_ed25519': 'x', 'b/.git-credentials': 'x', 'c/.pgpass': 'x' }, message: /and 1 more/ },
    { input: 'FROM python:3.12-slim\nARG F=.env.production\nCOPY $F /app/\n', noContext: true, line: 3 },
    { input: 'FROM python:3.12-slim\nCOPY ["app.py", ".env", "/app/"]\n', noContext: true, line: 2 },
    { input: 'FROM python:3.12-slim\nCOPY app.py \\\n     .env /app/\n', noContext: true, line: 3, column: 6 },
    { input: 'FROM python:3.12-slim\nCOPY . .\n', files: { 'app.py': '', '.env': ENV, '.dockerignore': '*.log\n!.env\n' }, line: 2 },
  ],
});

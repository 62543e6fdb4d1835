# The console's release in an image of its own: Node and the release directory only, run as an
# unprivileged user. The build stage runs the very commands CI runs before it smoke-tests the release
# (.ci/run: npm ci, then npm run release, i.e. scripts/release.ts).
#
#   docker build -t oa-console .
#   docker run -p 3000:3000 -v oa-data:/data -e BETTER_AUTH_SECRET=… -e APP_URL=https://… \
#     -e LINE_CHANNEL_SECRET=… -e LINE_CHANNEL_ACCESS_TOKEN=… oa-console
#
# Without DATABASE_URL it keeps PGlite's data in the /data volume. README: "Self-hosting".

FROM node:24-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
RUN npm run release

FROM node:24-bookworm-slim
# HOSTNAME: Docker sets it to the container's id, which would bind the container's own address only.
ENV NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    PGLITE_DATA_DIR=/data/pglite \
    MEDIA_DIR=/data/media
WORKDIR /app
COPY --from=build /src/dist/release /app
# /data: PGlite's data directory and its lock, media kept as files (MEDIA_STORAGE=directory) and, in demo
# mode, the generated session secret (.data/ is where the launcher keeps it). The code stays root's;
# the server writes only there and to Next's cache.
RUN mkdir -p /data /app/.next/cache \
 && chown node:node /data /app/.next/cache \
 && ln -s /data /app/.data
USER node
VOLUME /data
EXPOSE 3000
# Liveness: the process answers. (Readiness, GET /api/health/ready, is for a load balancer to ask.)
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains requests, stops background work and closes the database: about a second.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]

# One image for every service; docker-compose.yml picks the service with `command`.
# syntax=docker/dockerfile:1

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY types ./types
COPY libs ./libs
COPY apps ./apps
COPY scripts ./scripts
COPY bench ./bench
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# A data folder the service user owns: a named volume mounted here starts with its ownership.
RUN mkdir -p /data && chown node:node /data
# The `node` user of the official image (uid 1000): never root.
USER node
EXPOSE 4000 4001 4002 4003
CMD ["node", "dist/apps/gateway/src/main.js"]

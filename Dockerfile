# syntax=docker/dockerfile:1
# One image for every MASH service. The command names the service (deploy/entrypoint.js):
#   gateway | police | social-care | health | education
# Build:  docker build -t mash-federation:<version> .
# Run:    docker run ... mash-federation:<version> police        (see docs/deploy.md)

# Node 20 is what the project targets (engines >=20.19); the version is pinned so that a rebuild
# gives the same runtime. For a digest pin: --build-arg NODE_IMAGE=node:20.20.2-bookworm-slim@sha256:...
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json tsconfig.base.json ./
COPY packages/shared/package.json packages/shared/
COPY subgraphs/police/package.json subgraphs/police/
COPY subgraphs/social-care/package.json subgraphs/social-care/
COPY subgraphs/health/package.json subgraphs/health/
COPY subgraphs/education/package.json subgraphs/education/
COPY gateway/package.json gateway/
COPY web/package.json web/
# No dependency's install script is needed (the project runs without them, STYLE.md).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY packages/shared packages/shared
COPY subgraphs subgraphs
COPY gateway gateway
COPY web web
# The services only (the root tsconfig also references test/, which is not in the build context).
# Compiled unit tests, declarations and source maps stay in this stage.
RUN npx tsc --build packages/shared subgraphs/police subgraphs/social-care subgraphs/health subgraphs/education gateway \
 && find packages/shared/dist subgraphs/*/dist gateway/dist -name '__tests__' -type d -prune -exec rm -rf {} + \
 && find packages/shared/dist subgraphs/*/dist gateway/dist -type f \( -name '*.map' -o -name '*.d.ts' \) -delete
# The screens (web/): static files the gateway serves at /app/; their libraries are build-time only.
RUN npm run build -w web && find web/dist -name '*.map' -delete

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    MASH_HOST=0.0.0.0 \
    MASH_SEED=false \
    MASH_DATA_DIR=/var/lib/mash
WORKDIR /app
# A numeric, non-root user (Kubernetes' runAsNonRoot can check only a numeric USER). The data
# directory is for the embedded database of a demo run; in production every service uses Postgres.
RUN groupadd --system --gid 10001 mash \
 && useradd --system --uid 10001 --gid mash --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin mash \
 && mkdir -p /var/lib/mash && chown 10001:10001 /var/lib/mash
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY subgraphs/police/package.json subgraphs/police/
COPY subgraphs/social-care/package.json subgraphs/social-care/
COPY subgraphs/health/package.json subgraphs/health/
COPY subgraphs/education/package.json subgraphs/education/
COPY gateway/package.json gateway/
COPY web/package.json web/
# Production dependencies only (the workspaces link @mash/shared); no npm cache left behind.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/packages/shared/dist packages/shared/dist
COPY --from=build /app/subgraphs/police/dist subgraphs/police/dist
COPY --from=build /app/subgraphs/social-care/dist subgraphs/social-care/dist
COPY --from=build /app/subgraphs/health/dist subgraphs/health/dist
COPY --from=build /app/subgraphs/education/dist subgraphs/education/dist
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/web/dist web/dist
COPY gateway/supergraph.graphql gateway/
COPY deploy/entrypoint.js deploy/probe.js deploy/
USER 10001:10001
EXPOSE 4000 4001 4002 4003 4004
ENTRYPOINT ["node", "deploy/entrypoint.js"]
CMD ["gateway"]

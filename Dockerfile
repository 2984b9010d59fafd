# The simulator as a container: the single-file server (dist/bin/iamport-mock.mjs) on a small
# official Node image, nothing else. test/pipelines/container.slow.test.ts runs the ENTRYPOINT and
# the HEALTHCHECK command below outside a container, the same way; building the image needs Docker.
#
#   docker build -t iamport-mock .
#   docker run --rm -p 4010:4010 iamport-mock                 # http://127.0.0.1:4010
#   docker run --rm -p 4010:4010 iamport-mock --seed ci --control-token secret

ARG NODE_VERSION=24

# Bundles the server from the sources: esbuild needs the dev dependencies, the image does not.
FROM node:${NODE_VERSION}-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild esbuild
COPY . .
RUN node tools/bundle-bin.mjs

FROM node:${NODE_VERSION}-alpine
LABEL org.opencontainers.image.title="iamport-mock" \
      org.opencontainers.image.description="A faithful, stateful local simulator of the i'mport (PortOne V1) REST API" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /src/dist/bin/iamport-mock.mjs /app/iamport-mock.mjs
# The official image's unprivileged user. The server writes nothing unless given --data FILE;
# /data is a place it may write (a named volume mounted there keeps the node user as owner).
RUN mkdir /data && chown node:node /data
USER node
ENV PORT=4010 NODE_ENV=production
EXPOSE 4010
# Every interface inside the container; publish the port (-p) to reach it from the host.
ENTRYPOINT ["node", "/app/iamport-mock.mjs", "--host", "0.0.0.0"]
CMD []
# No curl or wget needed: node asks the health endpoint on the port the server was given.
HEALTHCHECK --interval=2s --timeout=2s --start-period=5s --retries=15 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/__mock/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The server closes cleanly on SIGTERM (and SIGINT).
STOPSIGNAL SIGTERM

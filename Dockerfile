# The preview server (docs/preview-server.md): the site's pages rendered on demand for editors.
# The public site is the static dist/ of `npm run build` and needs no container.
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY bench/package.json bench/
COPY studio/package.json studio/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run preview:build
ENV HOST=0.0.0.0 PORT=4322 ASTRO_TELEMETRY_DISABLED=1
EXPOSE 4322
# SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_READ_TOKEN and SANITY_STUDIO_URL come from
# `docker run -e …`; without them the server stops at start and names what is missing.
CMD ["node", "scripts/preview-live.ts", "--no-build"]

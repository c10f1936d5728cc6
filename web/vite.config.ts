import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The dev server proxies the API so `npm run dev` works next to `havoc-agent serve`.
const api = process.env.HAVOC_API ?? "http://127.0.0.1:8000";
const proxied = ["/v1", "/threads", "/assistants", "/healthz", "/readyz", "/runs"];

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", chunkSizeWarningLimit: 1000 },
  server: { proxy: Object.fromEntries(proxied.map((p) => [p, api])) },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});

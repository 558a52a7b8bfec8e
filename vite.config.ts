import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app lives in web/ and is built to web/dist, which the server serves at `/`. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // The shell chunk (React, Mantine, router, query) is ~550 kB (~170 kB gzipped); charts and the dosing screen are
  // split off and load on demand. Served from the clinic's own server, so the limit is raised rather than split further.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app lives in web/ and is built to web/dist, which the server serves at `/`. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // The shell chunk (React, Mantine, router, query) is ~550-620 kB (~170-190 kB gzipped); charts and the dosing screen are
  // split off and load on demand. Served from the clinic's own server, so the limit is raised rather than split further.
  // The shell and the chunk it imports eagerly total ~800 kB; which of the two holds @floating-ui depends on how many
  // lazy routes share it (adding the consent templates route moved it into the shell: +6 kB loaded, +69 kB in the shell).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});

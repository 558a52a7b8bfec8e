import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app lives in web/ and is built to web/dist, which the server serves at `/`. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});

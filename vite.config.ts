import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { kioskPwa } from './exhibit/kiosk/pwa.config.ts';

const api = `http://localhost:${process.env.PORT ?? 8080}`;

export default defineConfig({
  root: 'exhibit',
  publicDir: false,
  // kioskPwa: the offline service worker for kiosks (exhibit/kiosk/pwa.config.ts).
  plugins: [react(), kioskPwa()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Hashed files live under /app/ so the server can cache them immutably.
    assetsDir: 'app',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': api, '/assets': api, '/media': api },
  },
});

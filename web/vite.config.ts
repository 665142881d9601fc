// The workbench's build: React with Ant Design and ECharts, bundled by Vite into web/dist, which the API serves
// at `/`. The start command builds it when its sources changed (scripts/web.ts); `npx vite --config
// web/vite.config.ts` serves it for development with /api proxied to a running system.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('echarts') || id.includes('zrender') ? 'charts' : undefined),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  logLevel: 'warn',
});

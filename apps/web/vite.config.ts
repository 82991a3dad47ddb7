import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at "/" and falls back to index.html for every non-/api path.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

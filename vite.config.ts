import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/client',
  plugins: [react()],
  build: {
    outDir: '../../dist/client',
    emptyOutDir: true,
    // 'hidden': the maps are written (to read a stack trace from production) but the bundles do not
    // point at them, and the server does not serve them.
    sourcemap: 'hidden',
    // Modules run in import order across chunks, so main.tsx's first import (zod-without-eval.ts)
    // configures Zod before any schema is built: the Content-Security-Policy allows no eval.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

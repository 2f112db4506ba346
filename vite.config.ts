import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const ZOD_WITHOUT_EVAL = 'zod-without-eval';

/**
 * Zod must be told `jitless` before it builds its first object schema, or it tries `new Function`,
 * which the Content-Security-Policy refuses (and reports) on every page. `zod-without-eval.ts` is
 * an entry of its own, so its `z.config` call lands in the chunk that holds Zod's core, which every
 * schema's chunk imports; and this plugin puts its script before the app's in index.html, where
 * module scripts run in document order, so Zod is configured first whatever the chunks look like.
 * The bundler then keeps its own module order: `strictExecutionOrder`, which did this job before,
 * wrapped every module in a function and cost about 3 kB gzipped at start
 * (e2e/school/school.spec.ts fails on the eval either way goes wrong). `npm run dev` serves
 * modules unbundled, where main.tsx's first import does it.
 */
function zodWithoutEvalFirst(): Plugin {
  return {
    name: 'samspil:zod-without-eval-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === ZOD_WITHOUT_EVAL,
        );
        if (!chunk) throw new Error(`${ZOD_WITHOUT_EVAL} was not built as an entry`);
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: 'src/client',
  plugins: [react(), zodWithoutEvalFirst()],
  build: {
    outDir: '../../dist/client',
    emptyOutDir: true,
    // 'hidden': the maps are written (to read a stack trace from production) but the bundles do not
    // point at them, and the server does not serve them.
    sourcemap: 'hidden',
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('src/client/index.html', import.meta.url)),
        [ZOD_WITHOUT_EVAL]: fileURLToPath(new URL('src/client/zod-without-eval.ts', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

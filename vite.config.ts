import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { RENDERER_CSP } from './src-shared/api/csp.ts';

// The same CSP as the HTTP header, also as a <meta> so it holds however the page is loaded.
const cspMeta: Plugin = {
  name: 'usterka-csp',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), cspMeta],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});

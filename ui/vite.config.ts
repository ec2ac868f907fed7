import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The fonts live in ../resources so the PDF and the window use the very same files. The pack's
    // web page samples are read by its accessibility test.
    fs: { allow: [".", "../resources/fonts", "../src-tauri/core/src/pack/samples"] },
  },
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    // Keep fonts as files: the CSP allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    // Every core: vitest's own default leaves one free, which on a 2-core machine runs the files
    // one at a time. Each file still gets its own fresh modules and page (isolate stays on).
    maxWorkers: "100%",
    // With a file on each core a busy machine can take longer than vitest's 5 s for the heaviest
    // test (axe-core over a whole pack page took 2.3 s alone, over 5 s beside another file).
    testTimeout: 20_000,
    // Styles are not applied in tests, but a test may read a style sheet's text (`?raw`).
    css: { include: [/\.css\?raw$/] },
  },
});

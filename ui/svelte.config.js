import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  // TypeScript inside components.
  preprocess: vitePreprocess(),
};

// How the screen looks (colours, contrast, text size), kept by Rust and applied to <html>
// as data attributes that styles.css reads.
import { api, type ScreenSettings } from "./api";

export const screen = $state<ScreenSettings>({ theme: "system", highContrast: false, textSize: "normal", welcomed: false });

export function apply(settings: ScreenSettings, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = settings.theme;
  root.dataset.contrast = settings.highContrast ? "high" : "standard";
  root.dataset.size = settings.textSize;
}

/** The settings Rust kept, shown before the first screen is drawn. */
export function showScreen(settings: ScreenSettings): void {
  Object.assign(screen, settings);
  apply(screen);
}

/** Changes some settings, shows them at once and remembers them. */
export async function changeScreen(change: Partial<ScreenSettings>): Promise<void> {
  Object.assign(screen, change);
  apply(screen);
  Object.assign(screen, await api.saveScreenSettings({ ...screen }));
}

// What every view may read and do, handed down by App.svelte through Svelte's context.
import { getContext, setContext } from "svelte";

import type { Content } from "./api";
import type { ViewName } from "../views/context";

export interface AppContext {
  content: Content;
  /** Opens another view, for example from a link in the text. */
  show: (view: ViewName, detail?: string) => void;
}

const KEY = Symbol("app");

export function setApp(app: AppContext): void {
  setContext(KEY, app);
}

export function getApp(): AppContext {
  return getContext<AppContext>(KEY);
}
